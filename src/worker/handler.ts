/**
 * Command handling shared by the Web Worker and the main-thread fallback: commands run one at a
 * time, in order, against the current Simulation; replies go out through `post`.
 */
import { shareable } from '../engine';
import type { ScenarioDocument } from '../scenario/schema';
import type { Command, Frame, Reply } from './protocol';
import { FrameEncoder, type SentReply } from './frame-delta';
import { Simulation } from './simulation';
import { explainMessage } from './explain';
import { LogGate } from './log-gate';
import { MotionOutlet } from './motion-port';
import { isInput } from './journal';
import { applyInput } from './inputs';
import { driveTo, replay, stepWithJournal, type SeekTarget } from './time-travel';
import { Travel } from './travel';
import { DutyCycle } from './duty-cycle';

/** Largest slice of virtual time one tick may run, so a stalled tab does not jump minutes ahead. */
const MAX_TICK_WALL_MS = 100;
/**
 * The worker's own clock owes a tick at most two frames of wall time: a machine too slow for the
 * asked speed runs the simulation slower (the transport shows the speed achieved) rather than in
 * ever longer ticks that the message layer would show as jumps.
 */
const MAX_CLOCK_TICK_WALL_MS = 1000 / 30;
/**
 * Of the wall time, the most the worker's own clock spends in ticks (duty-cycle.ts) while the page
 * says its frames come late (protocol.ts `pace`): at least half is left to the page. A page that
 * keeps up leaves the engine all it can use.
 */
const ENGINE_SHARE_STRAINED = 0.5;

/** Wall clock for programs' turn budgets (programs/runtime.ts); never simulation time. */
const wall = shareable(() => (typeof performance === 'undefined' ? 0 : performance.now()));

/** Asks for `frame` to run at the next animation frame (with its time in ms); the worker's requestAnimationFrame. */
export type FrameClock = (frame: (now: number) => unknown) => void;

export interface HandlerOptions {
  /** Virtual ms between two checkpoints (travel.ts); tests make it short. */
  checkpointEveryMs?: number;
  /**
   * The worker's own animation frames. With them a playing run keeps time here, and the page is
   * sent only the frames it shows (refreshes, and frames with news): the motion of every frame goes
   * to the message layer by its port, so the page's main thread neither asks for nor unpacks a
   * frame 60 times a second. Without (the page's fallback, tests) the page's ticks drive the run.
   */
  clock?: FrameClock;
  /** Measures how long a tick of the own clock worked, in ms (default: the wall clock); tests stand in a slow machine. */
  workClock?: () => number;
}

/** A tick of the worker's own clock (HandlerOptions.clock), queued with the page's commands. */
type ClockTick = { type: 'clock' };

/**
 * `beforeProgram` runs once, before the first program of this handler runs (the worker locks its
 * realm down there: programs/lockdown.ts).
 */
export function createHandler(sendReply: (reply: SentReply) => void, beforeProgram?: () => void, options: HandlerOptions = {}): (cmd: Command) => Promise<void> {
  const gate = new LogGate();
  // Frames go as changes since the previous one (frame-delta.ts), whole at the start of a run.
  const encoder = new FrameEncoder();
  // The motion of each frame goes to the message layer by its own port, when it has one.
  const motion = new MotionOutlet();
  const postReply = (reply: Reply) => sendReply(reply.type === 'frame' ? encoder.encode(motion.take(reply)) : reply);
  const travel = new Travel(options.checkpointEveryMs);
  /** Runs started so far (protocol.ts Frame.run). */
  let run = 0;
  const stamp = (reply: Reply): Reply => (reply.type === 'frame' || reply.type === 'problem' ? { ...reply, run } : reply);
  // Every frame but a playing tick's brings the log up to date (log-gate.ts).
  const post = (reply: Reply) => postReply(stamp(reply.type === 'frame' ? gate.flush(reply) : reply));
  let sim: Simulation | null = null;
  let doc: ScenarioDocument | null = null;
  let playing = false;
  let speed = 1;
  /** The document as last edited live (an 'edit' command): what Reset and a new seed start from. */
  let edited: ScenarioDocument | null = null;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (cmd: Command | ClockTick) => (chain = chain.then(() => handle(cmd)));

  // The worker's own clock (HandlerOptions.clock): one tick queued at a time; frames that pass
  // meanwhile add their wall time to the next, as the page's ticks do (app/sim/bridge.ts).
  const clock = options.clock;
  let clockRunning = false;
  let lastClockWall = 0;
  let owedWall = 0;
  let clockQueued = false;
  /** The frame time the queued tick was asked at. */
  let clockAskedAt = 0;
  const duty = new DutyCycle(1);
  const workClock = options.workClock ?? wall;
  /** The page is hidden (protocol.ts `visibility`): the clock waits, and the time it waits is not owed. */
  let hidden = false;
  const onClock = (now: number): Promise<void> | undefined => {
    if (!playing || !sim || hidden) {
      clockRunning = false;
      return undefined;
    }
    // Resting (duty-cycle.ts): the next tick owes this frame too, up to MAX_CLOCK_TICK_WALL_MS.
    const resting = !clockQueued && !duty.ready(now);
    owedWall += lastClockWall ? now - lastClockWall : 0;
    lastClockWall = now;
    clock!(onClock);
    if (clockQueued || resting) return undefined;
    clockQueued = true;
    clockAskedAt = now;
    return enqueue({ type: 'clock' });
  };
  const ensureClock = () => {
    if (!clock || clockRunning || !playing || !sim || hidden) return;
    clockRunning = true;
    lastClockWall = 0;
    owedWall = 0;
    duty.reset();
    clock(onClock);
  };
  /** Whether a frame the page would not refresh on still carries what only it says (sent when it changed, or since the frame before). */
  const hasNews = (f: Frame) => f.map !== undefined || f.cluster !== undefined || f.programs !== undefined || f.travel?.marks !== undefined || f.travel?.branched !== undefined || f.travel?.sought === true;

  /** A frame of the run, with what the scrubber needs (travel.ts). */
  const frameOf = (s: Simulation, stepped?: Parameters<Simulation['frame']>[0]) => travel.observe(s.frame(stepped), s);

  /**
   * A new run for the page (a rebuild, a seek): its first frame goes whole, and the message layer
   * starts from a clear layer (a seek's frame then brings the flights in the air at its instant).
   */
  const newRunForPage = (latency: ScenarioDocument['settings']['latency']) => {
    gate.reset();
    encoder.reset();
    motion.newRun(latency);
  };

  const rebuild = async () => {
    if (!doc) return;
    newRunForPage(doc.settings.latency);
    travel.reset();
    try {
      sim = await Simulation.create(doc, wall);
    } catch (e) {
      sim = null;
      post({ type: 'problem', message: `The simulation could not start: ${(e as Error).message}` });
      return;
    }
    sim.playing = playing;
    sim.speed = speed;
    post(frameOf(sim));
  };

  /** Rebuilds the run up to `target` from its document and journal (time-travel.ts); a new run for the page. */
  const seek = async (target: SeekTarget) => {
    if (!doc) return;
    newRunForPage(doc.settings.latency);
    let replayed: Awaited<ReturnType<typeof replay>>;
    try {
      replayed = await replay(doc, travel.journal, { ...target, t: Math.min(Math.max(0, target.t), travel.furthest) }, wall, travel.checkpoints);
    } catch (e) {
      post({ type: 'problem', message: `Could not go back to ${(target.t / 1000).toFixed(1)} s: ${(e as Error).message}` });
      return;
    }
    const { sim: next, frame, state } = replayed;
    sim = next;
    sim.playing = playing;
    sim.speed = speed;
    travel.sought(frame, state);
    // the frame's events and flights are the state's already: observed without them
    const out = travel.observe({ ...frame, events: [], motion: undefined }, sim);
    post({ ...out, events: frame.events, eventCount: frame.events.length, motion: frame.motion, travel: { ...out.travel!, sought: true } });
  };

  const handle = async (cmd: Command | ClockTick): Promise<void> => {
    try {
      await handleCommand(cmd);
    } finally {
      ensureClock();
    }
  };

  const handleCommand = async (cmd: Command | ClockTick): Promise<void> => {
    switch (cmd.type) {
      case 'load':
        run++;
        doc = cmd.doc;
        edited = null;
        speed = cmd.doc.settings.speed;
        return rebuild();
      case 'reset':
        run++;
        playing = false;
        // from 0 s with the document as the editor has it (live edits included)
        doc = edited ?? doc;
        return rebuild();
      case 'seed':
        run++;
        doc = edited ?? doc;
        if (doc) doc = { ...doc, seed: cmd.seed };
        return rebuild();
      case 'motion-port':
        motion.connect(cmd.port);
        return;
      case 'resync':
        encoder.reset();
        if (sim) post(frameOf(sim));
        return;
      case 'pace':
        gate.pace(cmd.ms);
        duty.setShare(cmd.strained ? ENGINE_SHARE_STRAINED : 1);
        return;
      case 'visibility':
        hidden = cmd.hidden;
        return;
      case 'speed':
        speed = Math.min(100, Math.max(0.1, cmd.speed));
        if (sim) sim.speed = speed;
        return;
      case 'seek':
        run++;
        return seek(cmd);
      case 'unbranch': {
        run++;
        // A new run for the page: its next frame goes whole.
        encoder.reset();
        const t = travel.unbranch();
        if (t !== null) return seek({ t });
        if (sim) post(frameOf(sim));
        return;
      }
      case 'step-back': {
        // The page counts this as a new run either way (bridge.ts): its next frame goes whole.
        run++;
        encoder.reset();
        playing = false;
        const target = travel.previous();
        if (target) return seek(target);
        if (sim) {
          sim.playing = false;
          post(frameOf(sim));
        }
        return;
      }
      case 'play':
      case 'pause':
        playing = cmd.type === 'play';
        if (sim) {
          sim.playing = playing;
          post(frameOf(sim));
        }
        return;
      default:
        break;
    }
    if (!sim) return;
    const s = sim;
    s.programs.beginTurn();
    try {
      switch (cmd.type) {
        case 'tick':
          // With its own clock the worker keeps time itself; the page's tick only asks for a frame.
          if (playing && !clock) await driveTo(s, travel.journal, s.broker.now() + Math.min(cmd.wallMs, MAX_TICK_WALL_MS) * speed);
          postReply(stamp(gate.pass(frameOf(s), clock ? 0 : cmd.wallMs)));
          if (playing && !clock) travel.checkpoint(s, wall);
          return;
        case 'clock': {
          clockQueued = false;
          if (!playing) return;
          const owed = owedWall;
          owedWall = 0;
          const started = workClock();
          await driveTo(s, travel.journal, s.broker.now() + Math.min(owed, MAX_CLOCK_TICK_WALL_MS) * speed);
          // Refreshes are paced in wall time, rests included (all that was owed, however much of it ran).
          const frame = gate.pass(frameOf(s), owed);
          // The frames between two refreshes bring the page nothing it shows: their motion goes to
          // the message layer, their events wait in the gate, and their counters are outdated by
          // the next refresh's. Without a port to the layer the motion travels in the frames.
          if (frame.refresh || hasNews(frame) || !motion.connected) postReply(stamp(frame));
          else motion.take(frame);
          travel.checkpoint(s, wall);
          duty.worked(clockAskedAt, clockAskedAt + (workClock() - started));
          return;
        }
        case 'step': {
          playing = false;
          s.playing = false;
          const e = await stepWithJournal(s, travel.journal);
          post(frameOf(s, e));
          return;
        }
        case 'program':
          // Code hook: the worker locks its realm down before the first program (programs/lockdown.ts).
          if (cmd.action === 'run' && beforeProgram) {
            beforeProgram();
            beforeProgram = undefined;
          }
          break;
        default:
          break;
      }
      if (isInput(cmd)) {
        if (cmd.type === 'edit') edited = cmd.doc;
        travel.input(s, cmd);
        // A management operation is answered when the broker has answered (its calls take virtual
        // time: a paused run answers on Play); a replay runs it again without answering.
        await applyInput(s, cmd, (requestId, result) => postReply({ type: 'management', requestId, result }));
        // Broker, program, management and edit commands show their effect at once, paused or not.
        if (cmd.type === 'broker' || cmd.type === 'program' || cmd.type === 'management' || cmd.type === 'edit') post(frameOf(s));
        return;
      }
      switch (cmd.type) {
        case 'explain':
          post(explainMessage(s, cmd.requestId, cmd.messageId));
          return;
        case 'peek':
          post({ type: 'queue-contents', requestId: cmd.requestId, queue: cmd.queue, t: s.broker.now(), contents: s.peekQueue(cmd.queue) });
          return;
      }
    } catch (e) {
      playing = false;
      s.playing = false;
      post({ type: 'problem', message: `The simulation stopped: ${(e as Error).message}` });
    }
  };

  return enqueue;
}
