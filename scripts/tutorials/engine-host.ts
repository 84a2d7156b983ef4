// Runs tutorial programs against Warren's engine, unchanged: each program's source runs in this
// process with `require('amqplib')` and `require('amqplib/callback_api')` bound to one simulated
// broker, `process.argv`/`process.exit`, `console` captured and `setTimeout` on virtual time.
import fs from 'node:fs';
import util from 'node:util';
import vm from 'node:vm';
import { amqplibCallbackModule, amqplibModule, createBroker, type Broker, type CallbackConnection, type Connection, type Timer } from '../../src/engine/index';
import type { Host } from './player';

interface Program {
  stdout: string[];
  stderr: string[];
  exited: boolean;
  connections: Connection[];
  timers: Set<Timer>;
}

export class EngineHost implements Host {
  readonly broker: Broker = createBroker({ seed: 1 });
  private readonly programs = new Map<string, Program>();

  start(id: string, file: string, args: string[]): void {
    const p: Program = { stdout: [], stderr: [], exited: false, connections: [], timers: new Set() };
    this.programs.set(id, p);
    const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
    const fn = vm.runInThisContext(`(function (require, process, console, setTimeout, clearTimeout, module, exports, __filename) {${source}\n})`, { filename: file });
    const module = { exports: {} };
    fn(this.requireFor(p), this.processFor(p, file, args), this.consoleFor(p), this.setTimeoutFor(p), (t: Timer) => this.broker.clearTimer(t), module, module.exports, file);
  }

  private requireFor(p: Program) {
    const b = this.broker;
    return (name: string) => {
      if (name === 'amqplib') {
        const m = amqplibModule(b);
        return { ...m, connect: (...a: Parameters<typeof m.connect>) => m.connect(...a).then((c) => (p.connections.push(c), c)) };
      }
      if (name === 'amqplib/callback_api') {
        const m = amqplibCallbackModule(b);
        return {
          ...m,
          connect: (url: unknown, options: unknown, cb?: unknown) => {
            const done = (typeof url === 'function' ? url : typeof options === 'function' ? options : cb) as (e: Error | null, c?: CallbackConnection) => void;
            const wrapped = (e: Error | null, c?: CallbackConnection) => {
              if (c) p.connections.push(c.connection);
              done(e, c);
            };
            if (typeof url === 'function') m.connect(wrapped);
            else if (typeof options === 'function') m.connect(url as string, wrapped);
            else m.connect(url as string, options as object, wrapped);
          },
        };
      }
      throw new Error(`Cannot find module '${name}' (tutorial programs may require amqplib only)`);
    };
  }

  private processFor(p: Program, file: string, args: string[]) {
    return {
      argv: ['node', file, ...args],
      env: {},
      exit: () => this.end(p),
    };
  }

  private consoleFor(p: Program) {
    return {
      log: (...a: unknown[]) => { if (!p.exited) p.stdout.push(...util.format(...a).split('\n')); },
      error: (...a: unknown[]) => { if (!p.exited) p.stderr.push(...util.format(...a).split('\n')); },
    };
  }

  private setTimeoutFor(p: Program) {
    return (fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
      const t = this.broker.setTimer(Math.max(0, Number(ms) || 0), () => {
        p.timers.delete(t);
        if (!p.exited) fn(...rest);
      });
      p.timers.add(t);
      return t;
    };
  }

  /** The process ends (exit, or stopped like Ctrl+C): its connections drop, its timers never fire. */
  private end(p: Program): void {
    if (p.exited) return;
    p.exited = true;
    for (const t of p.timers) this.broker.clearTimer(t);
    for (const c of p.connections) if (c.isOpen) c.close().catch(() => {});
  }

  stdout(id: string): string[] { return this.programs.get(id)?.stdout ?? []; }
  stderr(id: string): string[] { return this.programs.get(id)?.stderr ?? []; }
  exited(id: string): boolean { return this.programs.get(id)?.exited ?? false; }
  sleep(ms: number): Promise<void> { return this.broker.advance(ms); }

  async stopAll(): Promise<void> {
    for (const p of this.programs.values()) this.end(p);
    await this.broker.advance(0);
  }
}
