/**
 * The main-thread side of the simulation: starts the Web Worker (or runs the same handler in
 * this thread where workers are unavailable), drives it once per animation frame, and folds
 * frames into the simulation store and the listeners that animate messages.
 */
import type { ScenarioDocument } from '../../scenario/schema';
import { createHandler } from '../../worker/handler';
import type { Command, Explanation, Frame, Reply } from '../../worker/protocol';
import { unpackReply, type WireReply } from '../../worker/codec';
import { LOG_LIMIT, simulationStore } from '../../store/simulation';

type FrameListener = (frame: Frame) => void;

class SimulationClient {
  private send: (cmd: Command) => void;
  private frameListeners = new Set<FrameListener>();
  private explainWaiters = new Map<number, (e: Explanation) => void>();
  private nextRequest = 1;
  private raf = 0;
  private lastWall = 0;
  private inFlight = false;
  readonly inWorker: boolean;

  constructor() {
    const onReply = (reply: Reply) => this.receive(reply);
    const forceMain = typeof location !== 'undefined' && new URLSearchParams(location.search).get('worker') === '0';
    if (typeof Worker !== 'undefined' && !forceMain) {
      const worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'warren-engine' });
      // Frames arrive packed (worker/codec.ts) and are unpacked into the same events.
      worker.onmessage = (ev: MessageEvent<WireReply>) => onReply(unpackReply(ev.data));
      worker.onerror = (ev) => simulationStore.setState({ problem: `The simulation worker failed: ${ev.message}` });
      this.send = (cmd) => worker.postMessage(cmd);
      this.inWorker = true;
    } else {
      const handle = createHandler(onReply);
      this.send = handle;
      this.inWorker = false;
    }
  }

  /** (Re)build the simulation from a document; the run restarts from time zero. */
  load(doc: ScenarioDocument): void {
    this.send({ type: 'load', doc });
    simulationStore.setState((s) => ({ generation: s.generation + 1, log: [], t: 0, problem: null }));
    this.ensureLoop();
  }

  command(cmd: Exclude<Command, { type: 'load' | 'tick' | 'explain' }>): void {
    this.send(cmd);
    if (cmd.type === 'reset' || cmd.type === 'seed') {
      simulationStore.setState((s) => ({ generation: s.generation + 1, log: [], t: 0 }));
    }
    if (cmd.type === 'speed') simulationStore.setState({ speed: cmd.speed });
    this.ensureLoop();
  }

  explain(messageId: number): Promise<Explanation> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.explainWaiters.set(requestId, resolve);
      this.send({ type: 'explain', requestId, messageId });
    });
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private receive(reply: Reply): void {
    if (reply.type === 'problem') {
      simulationStore.setState({ problem: reply.message, playing: false });
      return;
    }
    if (reply.type === 'explanation') {
      this.explainWaiters.get(reply.requestId)?.(reply);
      this.explainWaiters.delete(reply.requestId);
      return;
    }
    this.inFlight = false;
    for (const l of this.frameListeners) l(reply);
    simulationStore.setState((s) => {
      const log = reply.events.length ? appendBounded(s.log, reply.events) : s.log;
      return {
        t: reply.t,
        playing: reply.playing,
        speed: reply.speed,
        counters: reply.counters,
        map: reply.map ?? s.map,
        log,
      };
    });
  }

  /** One tick per animation frame, and never a second before the worker answered the first. */
  private ensureLoop(): void {
    if (this.raf || typeof requestAnimationFrame === 'undefined') return;
    const loop = (now: number) => {
      const wall = this.lastWall ? now - this.lastWall : 0;
      this.lastWall = now;
      if (!this.inFlight) {
        this.inFlight = true;
        this.send({ type: 'tick', wallMs: wall });
      }
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }
}

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
