/**
 * Runs learners' programs against the open scenario's broker.
 *
 * Where programs run, and why: inside the simulation worker's realm, each compiled to one
 * `new Function` with Node's globals passed in (sandbox.ts). Considered instead: a second worker per
 * program talking amqplib over a MessageChannel RPC. In the same realm, a consumer callback runs
 * at the virtual instant of its delivery and a timer at its virtual time, so a run with code is as
 * deterministic as one without, Play/Pause/Step/speed drive programs with no protocol, and amqplib's
 * API is the engine's own (no second copy over RPC). Safety comes from: the worker has no DOM; the
 * first program locks the worker down (network, storage and messaging globals removed, built-in
 * prototypes frozen: lockdown.ts); every callback a program gives the engine is guarded (guard.ts);
 * loops check a wall-time budget per turn (compile.ts), and the page's watchdog terminates and
 * restarts the worker if a turn still overruns (app/code/watchdog.ts). The cost: a hostile program
 * can spoil its own run (it shares the broker), never the page or the document.
 */
import { Buffer } from 'buffer';
import { shareable, type Broker, type Connection, type TraceEvent } from '../../engine';
import { requireModule } from './amqplib';
import { compileProgram, ProgramSyntaxError } from './compile';
import { Guard } from './guard';
import { format } from './node/inspect';
import { clearAll, nodeTimers, type TimerHost, type Timeout } from './node/timers';
import { nodeProcess, Exit } from './node/process';
import { errorAt, instantiate } from './sandbox';
import { virtualClock } from './node/clock';
import type { ConsoleLine, ProgramError, ProgramReport, ProgramSpec, ProgramState, ProgramStatus, RuntimeNote } from './types';

/** No wall clock (Node tests): budgets never run out. Shared by copies of a run (engine/kernel/copy.ts). */
const noWall = shareable((): number => 0);

/** Wall time one turn (one command of the simulation: a tick, a step) may take before programs are stopped. */
export const TURN_BUDGET_MS = 1000;
/** Console lines kept per frame; a program printing in a loop loses the oldest, and is told so. */
const OUTPUT_LIMIT = 2000;

/** Thrown into a program that was stopped, failed or exited, to unwind what it is doing. */
export class Halt extends Error {}

interface Run {
  spec: ProgramSpec;
  state: ProgramState;
  status?: ProgramStatus;
  conns: Set<Connection>;
  channels: Set<number>;
  timers: TimerHost;
  mainDone: boolean;
  published: number;
  delivered: number;
  acked: number;
  /** Exchanges it published to, `vhost/name`, and queues it sent to directly, `vhost/\0name`. */
  targets: Set<string>;
}

export class ProgramRuntime {
  private runs = new Map<string, Run>();
  private channelOwner = new Map<number, Run>();
  private connOwner = new Map<number, Run>();
  private output: ConsoleLine[] = [];
  private dropped = 0;
  private changed = new Set<string>();
  private turnStart = 0;
  private checks = 0;
  /** Whether any program ran in this simulation (the frame adds the code view only then). */
  active = false;

  constructor(
    private readonly broker: Broker,
    /** Wall clock in ms (performance.now in the worker); budgets only, never simulation time. */
    private readonly wall: () => number = noWall,
    private readonly budgetMs = TURN_BUDGET_MS,
  ) {}

  /** A new turn starts (the handler calls this before each command). */
  beginTurn(): void {
    this.turnStart = this.wall();
    this.checks = 0;
  }

  /** Starts a program; one already running under the same id is stopped first. */
  run(spec: ProgramSpec): void {
    this.active = true;
    const old = this.runs.get(spec.id);
    if (old) this.end(old, 'stopped');
    const run: Run = {
      spec,
      state: 'running',
      conns: new Set(),
      channels: new Set(),
      timers: { broker: this.broker, live: new Set<Timeout>(), call: (fn, args) => void this.call(run, fn, undefined, args) },
      mainDone: false,
      published: 0,
      delivered: 0,
      acked: 0,
      targets: new Set(),
    };
    this.runs.set(spec.id, run);
    this.setStatus(run, { state: 'running' });
    let body;
    try {
      body = compileProgram(spec.source);
    } catch (e) {
      if (!(e instanceof ProgramSyntaxError)) throw e;
      this.print(run, 'err', `${spec.name}:${e.line}:${e.column} SyntaxError: ${e.message}`);
      this.end(run, 'failed', { message: `SyntaxError: ${e.message}`, line: e.line, column: e.column });
      return;
    }
    const main = this.call(run, () => instantiate(spec.id, body, this.globals(run))(), undefined, []);
    void Promise.resolve(main).then(() => {
      run.mainDone = true;
    });
  }

  /** Stops a program as Ctrl+C would: its timers are cleared and its connections closed. */
  stop(id: string): void {
    const run = this.runs.get(id);
    if (run && run.state === 'running') this.end(run, 'stopped');
  }

  stopAll(): void {
    for (const id of this.runs.keys()) this.stop(id);
  }

  /** Trace events: which channels are a program's, and what its client did (for its canvas node). */
  observe(e: TraceEvent): void {
    if (!this.active) return;
    switch (e.type) {
      case 'channel-opened': {
        const run = this.connOwner.get(e.connection);
        if (run) {
          run.channels.add(e.channel);
          this.channelOwner.set(e.channel, run);
        }
        return;
      }
      case 'published': {
        const run = this.channelOwner.get(e.channel);
        if (run) {
          run.published++;
          // Through the default exchange, the target is the queue the routing key names.
          run.targets.add(e.exchange === '' ? `${e.vhost}/\u0000${e.routingKey}` : `${e.vhost}/${e.exchange}`);
        }
        return;
      }
      case 'delivered': {
        const run = this.channelOwner.get(e.channel);
        if (run) run.delivered++;
        return;
      }
      case 'acked': {
        const run = this.channelOwner.get(e.channel);
        if (run) run.acked++;
        return;
      }
    }
  }

  /** Programs by id with their channels and counters, for the frame's map and counters. */
  clients(): { id: string; name: string; channels: Set<number>; published: number; delivered: number; acked: number; targets: Set<string>; state: ProgramState }[] {
    return [...this.runs.values()].map((r) => ({ id: r.spec.id, name: r.spec.name, channels: r.channels, published: r.published, delivered: r.delivered, acked: r.acked, targets: r.targets, state: r.state }));
  }

  /** Console output and state changes since the last call; undefined when there are none. */
  take(): ProgramReport | undefined {
    for (const run of this.runs.values()) {
      // As a Node process: done when its code returned and nothing (a connection, a timer) keeps it alive.
      if (run.state === 'running' && run.mainDone && !run.timers.live.size && ![...run.conns].some((c) => c.isOpen)) this.end(run, 'finished');
    }
    if (!this.output.length && !this.changed.size && !this.dropped) return undefined;
    const output = this.output;
    if (this.dropped) output.unshift({ program: output[0]?.program ?? '', t: this.broker.now(), stream: 'err', text: `(${this.dropped} earlier lines not shown)` });
    const status: Record<string, ProgramStatus> = {};
    for (const id of this.changed) {
      const s = this.runs.get(id)?.status;
      if (s) status[id] = s;
    }
    this.output = [];
    this.dropped = 0;
    this.changed.clear();
    return { output, status };
  }

  // ------------------------------------------------------------------ inside a program

  /** One guarded turn of a program: its own errors end it (as an uncaught exception ends node). */
  private call(run: Run, fn: (...a: unknown[]) => unknown, thisArg: unknown, args: unknown[]): unknown {
    return this.turn(run, fn, thisArg, args, (e) => this.uncaught(run, e, 'exception'));
  }

  /**
   * A consumer callback's turn: like `call`, but what it throws goes back to the engine, which closes the
   * channel as amqplib does (541); a program that stopped or exited throws nothing further.
   */
  private relay(run: Run, fn: (...a: unknown[]) => unknown, thisArg: unknown, args: unknown[]): unknown {
    return this.turn(run, fn, thisArg, args, (e) => {
      if (e instanceof Halt || e instanceof Exit || run.state !== 'running') return;
      throw e;
    });
  }

  /** Runs `fn` within the turn's budget; a rejection ends the program, a throw goes to `thrown`. */
  private turn(run: Run, fn: (...a: unknown[]) => unknown, thisArg: unknown, args: unknown[], thrown: (e: unknown) => void): unknown {
    if (run.state !== 'running') return undefined;
    if (this.wall() - this.turnStart > this.budgetMs) {
      this.overrun(run, undefined);
      return undefined;
    }
    try {
      const out = fn.apply(thisArg, args);
      if (out instanceof Promise) return out.catch((e: unknown) => this.uncaught(run, e, 'rejection'));
      return out;
    } catch (e) {
      thrown(e);
      return undefined;
    }
  }

  private uncaught(run: Run, e: unknown, kind: 'exception' | 'rejection'): void {
    if (e instanceof Halt || e instanceof Exit || run.state !== 'running') return;
    const at = errorAt(run.spec.id, e);
    const where = at.line ? `${run.spec.name}:${at.line}${at.column ? `:${at.column}` : ''} ` : '';
    const what = kind === 'rejection' ? 'Unhandled promise rejection: ' : 'Uncaught ';
    this.print(run, 'err', `${where}${what}${at.message}`);
    this.end(run, 'failed', at);
  }

  /** A loop or a timer ran past the turn's budget. */
  private overrun(run: Run, line: number | undefined): void {
    const seconds = this.budgetMs / 1000;
    const message = line
      ? `Stopped: the loop at line ${line} ran for more than ${seconds} s of wall time without giving the broker a turn`
      : `Stopped: its timers and callbacks ran for more than ${seconds} s of wall time in one turn`;
    const note: RuntimeNote = line ? { key: 'loop', line, seconds } : { key: 'timers', seconds };
    this.print(run, 'err', `${run.spec.name}${line ? `:${line}` : ''} ${message}`, note);
    this.end(run, 'failed', { message, note, ...(line ? { line } : {}) });
  }

  private loopGuard(run: Run) {
    return (line: number) => {
      if (run.state !== 'running') throw new Halt('program ended');
      if ((++this.checks & 1023) === 0 && this.wall() - this.turnStart > this.budgetMs) {
        this.overrun(run, line);
        throw new Halt('turn budget');
      }
    };
  }

  private globals(run: Run): Record<string, unknown> {
    const guard = new Guard({
      call: (fn, thisArg, args) => this.call(run, fn, thisArg, args),
      relay: (fn, thisArg, args) => this.relay(run, fn, thisArg, args),
      opened: (conn) => {
        run.conns.add(conn);
        this.connOwner.set(conn.id, run);
      },
      unhandled: (e) => this.uncaught(run, e, 'exception'),
    });
    // The program's broker: its connections come back guarded, and what the engine runs of its
    // code (callback-API callbacks, deferred calls) runs as the program's own turns.
    const real = this.broker;
    const broker = new Proxy(real, {
      get: (t, k) => {
        if (k === 'connect') return (options: Parameters<Broker['connect']>[0]) => guard.value(t.connect(options));
        if (k === 'runUserCode') return (fn: () => void) => t.runUserCode(() => void this.call(run, fn, undefined, []));
        const v = Reflect.get(t, k, t) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    const write = (stream: 'out' | 'err') => (...args: unknown[]) => this.print(run, stream, format(args));
    const timers = nodeTimers(run.timers);
    return {
      require: (name: unknown) => requireModule(String(name), broker),
      console: Object.freeze({
        log: write('out'), info: write('out'), debug: write('out'), dir: write('out'), table: write('out'), trace: write('err'),
        warn: write('err'), error: write('err'),
        assert: (ok: unknown, ...args: unknown[]) => (ok ? undefined : this.print(run, 'err', `Assertion failed${args.length ? ': ' + format(args) : ''}`)),
        group: () => {}, groupEnd: () => {}, time: () => {}, timeEnd: () => {},
      }),
      process: nodeProcess(run.spec, {
        write: (stream, text) => this.print(run, stream, text.replace(/\n$/, '')),
        exit: (code) => this.end(run, 'exited', undefined, code),
        nextTick: (fn, args) => queueMicrotask(() => void this.call(run, fn, undefined, args)),
      }),
      Buffer,
      ...virtualClock(real),
      ...timers,
      __loop: this.loopGuard(run),
    };
  }

  private print(run: Run, stream: 'out' | 'err', text: string, note?: RuntimeNote): void {
    const line: ConsoleLine = { program: run.spec.id, t: this.broker.now(), stream, text: text.length > 10_000 ? `${text.slice(0, 10_000)}…` : text };
    if (note) line.note = note;
    this.output.push(line);
    if (this.output.length > OUTPUT_LIMIT) {
      this.output.shift();
      this.dropped++;
    }
  }

  private end(run: Run, state: ProgramState, error?: ProgramError, code?: number): void {
    if (run.state !== 'running') return;
    run.state = state;
    clearAll(run.timers);
    for (const c of run.conns) if (c.isOpen) void c.close().catch(() => {});
    this.setStatus(run, { state, ...(error ? { error } : {}), ...(code !== undefined ? { code } : {}) });
  }

  private setStatus(run: Run, status: ProgramStatus): void {
    run.status = status;
    this.changed.add(run.spec.id);
  }
}
