/**
 * The main-thread side of the simulation: starts the Web Worker (or runs the same handler in
 * this thread where workers are unavailable), drives it once per animation frame while paused or
 * on this thread (a playing worker keeps time itself: worker/handler.ts `clock`), and folds frames
 * into the simulation store and the listeners that animate messages.
 */
import type { ScenarioDocument } from '../../scenario/schema';
import type { Command, Explanation, Frame, QueueContentsReply } from '../../worker/protocol';
import type { ManagementOp, ManagementResult } from '../../worker/management-protocol';
import { eventsIn, unpackReply, type WireReply } from '../../worker/codec';
import { FrameDecoder, type SentReply } from '../../worker/frame-delta';
import { LOG_LIMIT, simulationStore, type SimulationState } from '../../store/simulation';
import i18n from '../i18n';
import { RefreshPacer } from './refreshPacer';
import { workersAllowed } from './workersAllowed';
import { workerName } from './workerName';
import { Watchdog, type WatchdogReason } from './watchdog';
import type { RunMark } from '../../worker/marks';
import { AchievedSpeed } from './achievedSpeed';
import { BoundedBatches } from '../../worker/bounded-batches';

type FrameListener = (frame: Frame) => void;

class SimulationClient {
  private send: (cmd: Command, transfer?: Transferable[]) => void;
  /** Where the messages in motion go (render/client.ts `motionPort`): asked for a port again for each new worker. */
  private motionSource: (() => MessagePort) | null = null;
  private frameListeners = new Set<FrameListener>();
  private explainWaiters = new Map<number, (e: Explanation) => void>();
  private peekWaiters = new Map<number, (r: QueueContentsReply) => void>();
  private managementWaiters = new Map<number, (r: ManagementResult) => void>();
  private nextRequest = 1;
  private raf = 0;
  private lastWall = 0;
  private inFlight = false;
  /** Wall time that passed while a tick was out, sent with the next tick so the run keeps pace. */
  private owedWall = 0;
  private pendingFrame: Frame | null = null;
  /** Frames whose events are still to reach the log (unpacked only then: worker/codec.ts), no more than it holds (older ones are dropped unread). */
  private pendingEvents = new BoundedBatches<Frame>(LOG_LIMIT, eventsIn);
  /** Runs this page started (load, reset, seed): frames of earlier ones are dropped (protocol.ts Frame.run). */
  private run = 0;
  private pacer = new RefreshPacer();
  private achieved = new AchievedSpeed();
  /** Frames come as changes since the previous one (worker/frame-delta.ts): made whole again here. */
  private decoder = new FrameDecoder();
  private pendingMap: Frame['map'] | null = null;
  /** Brings the log up to date, a frame after the counters (flushStore). */
  private logLater: (() => void) | null = null;
  private pendingMarks: RunMark[] | null = null;
  /** Told when an input at a past instant dropped the run's old future (time travel). */
  onBranch: ((t: number) => void) | null = null;
  /** Whether the run is playing, as the last frame said. */
  private playing = false;
  private watchingRefresh = false;
  /** The pace last sent to the worker (protocol.ts `pace`). */
  private sentPace = 0;
  private sentStrained = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /**
   * Paused frames still to fetch: a command (or a frame with news) sets it, each quiet paused frame
   * counts it down. Two, because the frame of a tick sent before the command can still arrive.
   */
  private awake = AWAKE_FRAMES;
  readonly inWorker: boolean;
  /** Code hook: the watchdog for programs, which share the worker (worker/programs/runtime.ts). */
  readonly watchdog = new Watchdog();
  private worker: Worker | null = null;
  private lastDoc: ScenarioDocument | null = null;

  constructor() {
    if (workersAllowed()) {
      this.send = (cmd, transfer) => {
        if (cmd.type === 'tick' || cmd.type === 'program') this.watchdog.sent(performance.now());
        this.worker?.postMessage(cmd, transfer ?? []);
      };
      this.startWorker();
      this.inWorker = true;
      // A hidden tab runs no frames, so nothing was late while it was away; and its run waits
      // (the worker's own clock would otherwise play on unseen).
      globalThis.document?.addEventListener('visibilitychange', () => {
        this.watchdog.resumed(performance.now());
        this.send({ type: 'visibility', hidden: document.hidden });
      });
    } else {
      const onReply = (reply: SentReply) => this.receive(reply);
      // The main-thread fallback carries the whole engine: load it only when it is needed, and
      // hold commands until it is there (they run in order either way).
      const queue: Command[] = [];
      let handle: ((cmd: Command) => void) | null = null;
      this.send = (cmd) => (handle ? handle(cmd) : void queue.push(cmd));
      void import('../../worker/handler').then(({ createHandler }) => {
        handle = createHandler(onReply);
        for (const cmd of queue.splice(0)) handle(cmd);
      });
      this.inWorker = false;
    }
  }

  private startWorker(): void {
    const worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: workerName('warren-engine') });
    // Frames arrive packed (worker/codec.ts) and are unpacked into the same events.
    worker.onmessage = (ev: MessageEvent<WireReply>) => this.receive(unpackReply(ev.data));
    // An error the worker did not catch (or a message it cannot read) leaves it in an unknown
    // state: start a new one on the open document, unless it keeps failing.
    worker.onerror = (ev) => {
      ev.preventDefault();
      this.failed('crashed', ev.message);
    };
    worker.onmessageerror = () => this.failed('crashed', 'a message could not be read');
    this.worker = worker;
  }

  /** Wall times of the recent restarts: a worker that fails again at once is not restarted forever. */
  private restarts: number[] = [];

  private failed(why: WatchdogReason, detail: string): void {
    const now = performance.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.worker?.terminate();
      this.worker = null;
      simulationStore.setState({ problem: i18n.t('simulation:watchdog.gaveUp', { count: MAX_RESTARTS + 1, detail }), playing: false });
      return;
    }
    this.restarts.push(now);
    this.restartWorker(why);
  }

  /**
   * The worker did not answer in time (or crashed): end it, start a new one on the same document
   * (a fresh run, paused), and tell the watchdog's listeners (a toast, and the Code panel when a
   * program was running).
   */
  private restartWorker(why: WatchdogReason): void {
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = false;
    this.owedWall = 0;
    // The new worker counts its runs from zero again (protocol.ts Frame.run).
    this.run = 0;
    this.decoder.reset();
    // The new run starts paused: the transport must not still show the old one playing.
    this.playing = false;
    // The new worker has no pace yet (protocol.ts `pace`).
    this.sentPace = 0;
    this.sentStrained = false;
    simulationStore.setState({ playing: false });
    this.startWorker();
    this.sendMotionPort();
    this.watchdog.fired(why);
    if (this.lastDoc) this.load(this.lastDoc);
  }

  /** (Re)build the simulation from a document; the run restarts from time zero. */
  load(doc: ScenarioDocument): void {
    this.lastDoc = doc;
    this.awake = AWAKE_FRAMES;
    this.run++;
    this.send({ type: 'load', doc });
    this.decoder.reset();
    this.dropPending();
    simulationStore.setState((s) => ({ generation: s.generation + 1, log: [], t: 0, furthest: 0, marks: [], problem: null }));
    this.ensureLoop();
  }

  command(cmd: Exclude<Command, { type: 'load' | 'tick' | 'explain' | 'peek' | 'management' }>): void {
    this.awake = AWAKE_FRAMES;
    // A seek or a step back is a new run too (worker/handler.ts); its frame brings its own log.
    if (cmd.type === 'reset' || cmd.type === 'seed' || cmd.type === 'seek' || cmd.type === 'step-back' || cmd.type === 'unbranch') this.run++;
    this.send(cmd);
    // a worker restarted by the watchdog rebuilds from the document as edited
    if (cmd.type === 'edit') this.lastDoc = cmd.doc;
    if (cmd.type === 'reset' || cmd.type === 'seed') {
      this.decoder.reset();
      this.dropPending();
      simulationStore.setState((s) => ({ generation: s.generation + 1, log: [], t: 0, furthest: 0, marks: [] }));
    }
    if (cmd.type === 'seek' || cmd.type === 'step-back' || cmd.type === 'unbranch') {
      // Its first frame comes whole (worker/frame-delta.ts).
      this.decoder.reset();
      this.dropPending();
    }
    if (cmd.type === 'speed') {
      // Measured again at the new speed.
      this.achieved = new AchievedSpeed();
      simulationStore.setState({ speed: cmd.speed, achievedSpeed: null });
    }
    this.ensureLoop();
  }

  explain(messageId: number): Promise<Explanation> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.explainWaiters.set(requestId, resolve);
      this.send({ type: 'explain', requestId, messageId });
    });
  }

  /** What a queue node holds now, as the worker sees it. */
  peek(queue: string): Promise<QueueContentsReply> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.peekWaiters.set(requestId, resolve);
      this.send({ type: 'peek', requestId, queue });
    });
  }

  /** A management view's operation on the simulated broker; resolves when the broker has answered. */
  management(op: ManagementOp): Promise<ManagementResult> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.managementWaiters.set(requestId, resolve);
      this.send({ type: 'management', requestId, ...op });
      this.awake = AWAKE_FRAMES;
      this.ensureLoop();
    });
  }

  /**
   * Sends the messages in motion straight to the message layer: `source` makes a port to its
   * renderer, now and for every worker started later; null takes them back into the frames.
   */
  motionTo(source: (() => MessagePort) | null): void {
    this.motionSource = source;
    this.sendMotionPort();
  }

  private sendMotionPort(): void {
    const port = this.motionSource?.() ?? null;
    this.send({ type: 'motion-port', port }, port ? [port] : undefined);
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private receive(sent: SentReply): void {
    this.watchdog.answered();
    if (sent.type === 'problem') {
      if (sent.run === undefined || sent.run === this.run) {
        // The worker stopped the run (and its clock): nothing more comes until a command.
        this.playing = false;
        simulationStore.setState({ problem: sent.message, playing: false });
      }
      return;
    }
    if (sent.type === 'queue-contents') {
      this.peekWaiters.get(sent.requestId)?.(sent);
      this.peekWaiters.delete(sent.requestId);
      return;
    }
    if (sent.type === 'management') {
      this.managementWaiters.get(sent.requestId)?.(sent.result);
      this.managementWaiters.delete(sent.requestId);
      return;
    }
    if (sent.type === 'explanation') {
      this.explainWaiters.get(sent.requestId)?.(sent);
      this.explainWaiters.delete(sent.requestId);
      return;
    }
    this.inFlight = false;
    // A frame of a run that has since been replaced: its tick is answered, the rest is old news.
    if (sent.run !== undefined && sent.run !== this.run) return;
    const reply = this.decoder.decode(sent);
    if (!reply) {
      // changes to a frame this page does not have (it never happens in order): ask for a whole one
      this.send({ type: 'resync' });
      return;
    }
    this.playing = reply.playing;
    // A worker playing keeps time itself and sends a frame at least once a second (worker/log-gate.ts):
    // the next is expected within the watchdog's budget, and the page no longer ticks (ensureLoop).
    if (this.inWorker && reply.playing) {
      this.watchdog.sent(performance.now());
      this.watchHeartbeat();
    }
    // Paused, nothing changes without a command: stop ticking until the next one.
    if (reply.playing || reply.eventCount) this.awake = AWAKE_FRAMES;
    else if (this.awake > 0) this.awake--;
    // The store (counters, clock, log: React's side) takes the frames the worker marks as a
    // refresh: every frame when paused, ten times a second while playing, two or three times in a
    // busy run (worker/log-gate.ts), fewer where refreshing makes frames late (refreshPacer.ts).
    // Listeners see the page's decision as `refresh`, so what they show changes with the counters;
    // the message layer gets every frame's motion.
    if (reply.travel?.sought) {
      // Gone back: what the page held of the run is replaced by this frame's log (the message
      // layer was sent a clear and the flights at the instant by the worker: motion-port.ts).
      this.dropPending();
      simulationStore.setState((s) => ({ generation: s.generation + 1, log: [] }));
    }
    if (reply.travel?.marks) this.pendingMarks = reply.travel.marks;
    if (reply.travel?.branched !== undefined) this.onBranch?.(reply.travel.branched);
    const refresh = !reply.playing || reply.travel?.sought === true || (reply.refresh && this.pacer.take(performance.now()));
    // The frame is this page's own (just unpacked): say the page's decision on it, without copying
    // it (a copy would unpack its events).
    reply.refresh = refresh;
    for (const l of this.frameListeners) l(reply);
    if (eventsIn(reply)) this.pendingEvents.push(reply);
    this.pendingFrame = reply;
    if (reply.map) this.pendingMap = reply.map;
    if (refresh) this.flushStore();
    if (refresh && reply.playing && this.inWorker) this.watchRefresh();
  }

  /** The frames after a refresh, while the worker keeps time: what it cost the page (refreshPacer.ts), told to the worker as its pace. */
  private watchRefresh(): void {
    if (this.watchingRefresh || typeof requestAnimationFrame === 'undefined') return;
    this.watchingRefresh = true;
    let last = 0;
    let left = WATCH_REFRESH_FRAMES;
    const watch = (now: number) => {
      if (last) this.pacer.frame(now - last);
      last = now;
      if (--left > 0) {
        requestAnimationFrame(watch);
        return;
      }
      this.watchingRefresh = false;
      const pace = Math.round(this.pacer.interval());
      const strained = this.pacer.strained();
      if (Math.abs(pace - this.sentPace) >= PACE_STEP_MS || strained !== this.sentStrained) {
        this.sentPace = pace;
        this.sentStrained = strained;
        this.send({ type: 'pace', ms: pace, strained });
      }
    };
    requestAnimationFrame(watch);
  }

  /**
   * While the worker plays on its own clock, the page asks for nothing, so the watchdog is checked
   * by a timer (not while the tab is hidden: its frames may stop then, and that is no hang).
   */
  private watchHeartbeat(): void {
    if (this.heartbeat !== null) return;
    this.heartbeat = setInterval(() => {
      if (!this.playing || !this.inWorker) {
        clearInterval(this.heartbeat!);
        this.heartbeat = null;
        return;
      }
      if (globalThis.document?.hidden) return;
      if (this.watchdog.overdue(performance.now())) this.failed('hung', 'no answer');
    }, HEARTBEAT_MS);
  }

  /** Folds the frames received since the last store update into the store. */
  private flushStore(): void {
    const frame = this.pendingFrame;
    if (!frame) return;
    // The log of the refresh before comes first.
    this.flushLog();
    const batches = this.pendingEvents.take();
    const map = this.pendingMap;
    const marks = this.pendingMarks;
    this.pendingMarks = null;
    this.pendingFrame = null;
    this.pendingMap = null;
    const measured = this.achieved.sample(frame.t, frame.playing, performance.now());
    const shown = simulationStore.getState().achievedSpeed;
    const update = {
      t: frame.t,
      playing: frame.playing,
      speed: frame.speed,
      // Only a change worth showing re-renders what shows it.
      achievedSpeed: measured === null || shown === null || Math.abs(measured - shown) >= 0.05 * shown ? measured : shown,
      counters: frame.counters,
      furthest: frame.travel?.furthest ?? simulationStore.getState().furthest,
      marks: marks ?? simulationStore.getState().marks,
    };
    const appendLog = (s: SimulationState) => (batches.length ? appendBounded(s.log, batches.length === 1 ? batches[0].events : batches.flatMap((f) => f.events)) : s.log);
    if (!frame.playing || !batches.length) {
      simulationStore.setState((s) => ({ ...update, map: map ?? s.map, log: appendLog(s) }));
      return;
    }
    // Playing, a refresh is spread over two frames: the cards and the clock in this one, the log
    // in the next. Each is a React render and a layout and paint of its own; together in one
    // frame they made it late on a slow machine (README "Counters and the log refresh…"). The log
    // renders in a task after the next frame is drawn (a timer set from its animation frame), not
    // in that animation frame, which would lay it out and paint it with the cards again.
    simulationStore.setState((s) => ({ ...update, map: map ?? s.map }));
    const later = () => simulationStore.setState((s) => ({ log: appendLog(s) }));
    this.logLater = later;
    requestAnimationFrame(() => setTimeout(() => this.logLater === later && this.flushLog(), 0));
  }

  /** The log's half of the last refresh, if it is still to come. */
  private flushLog(): void {
    const later = this.logLater;
    this.logLater = null;
    later?.();
  }

  /** Frames of a run that was just replaced must not reach the new run's log. */
  private dropPending(): void {
    this.logLater = null;
    this.pendingFrame = null;
    this.pendingEvents.clear();
    this.pendingMap = null;
  }

  /** One tick per animation frame while the run plays or has news, never a second before the worker answered the first. */
  private ensureLoop(): void {
    if (this.raf || typeof requestAnimationFrame === 'undefined') return;
    const loop = (now: number) => {
      if (this.watchdog.overdue(performance.now())) this.failed('hung', 'no answer');
      const wall = this.lastWall ? now - this.lastWall : 0;
      this.lastWall = now;
      if (this.playing) this.pacer.frame(wall);
      if (!this.playing && this.awake === 0) {
        this.owedWall = 0;
        // Paused with nothing to fetch or wait for: ask for no frames until a command wakes the
        // run (ensureLoop), so a page left open costs nothing. Programs running keep it watched.
        if (!this.inFlight && !this.watchdog.armed && !this.watchdog.waiting) {
          this.raf = 0;
          this.lastWall = 0;
          return;
        }
      } else if (this.playing && this.inWorker) {
        // The worker keeps time itself (worker/handler.ts clock) and sends the frames the page
        // shows: nothing to ask for until the run pauses or a command comes.
        this.owedWall = 0;
        this.inFlight = false;
        this.raf = 0;
        this.lastWall = 0;
        return;
      } else if (!this.inFlight) {
        this.inFlight = true;
        this.send({ type: 'tick', wallMs: wall + this.owedWall });
        this.owedWall = 0;
      } else {
        // The worker is still on the previous tick: keep this frame's time for the next one
        // (the worker caps one tick's slice, so a stalled tab still does not jump ahead).
        this.owedWall += wall;
      }
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }
}

const AWAKE_FRAMES = 2;
/** Frames watched after a refresh (refreshPacer.ts WATCH_FRAMES, and one to start from). */
const WATCH_REFRESH_FRAMES = 4;
/** A new pace goes to the worker when it moved this much. */
const PACE_STEP_MS = 25;
/** How often the watchdog is checked while the worker plays on its own clock. */
const HEARTBEAT_MS = 500;
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

function appendBounded<T>(log: T[], add: T[]): T[] {
  const next = log.concat(add);
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}

let client: SimulationClient | null = null;

/** The one simulation client of this page. */
export function simulation(): SimulationClient {
  client ??= new SimulationClient();
  return client;
}
