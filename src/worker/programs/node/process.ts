/**
 * The part of Node's `process` a client program uses: `argv` (`node <file> <args…>`), `env`,
 * `exit` (ends the program at once: timers cleared, connections closed), `exitCode`, `nextTick`,
 * `on` (signals never come, so handlers never run), `stdout`/`stderr.write`.
 */
import type { ProgramSpec } from '../types';

/** Thrown by `process.exit` to unwind the program's current turn (the runtime swallows it). */
export class Exit extends Error {}

export interface ProcessHost {
  write(stream: 'out' | 'err', text: string): void;
  exit(code: number): void;
  nextTick(fn: (...a: unknown[]) => unknown, args: unknown[]): void;
}

export function nodeProcess(spec: ProgramSpec, host: ProcessHost) {
  const process = {
    argv: ['/usr/bin/node', `/home/warren/${spec.name}`, ...(spec.args ?? [])],
    argv0: 'node',
    env: {} as Record<string, string>,
    platform: 'linux',
    version: 'v20.0.0',
    versions: { node: '20.0.0' },
    pid: 1,
    exitCode: undefined as number | undefined,
    cwd: () => '/home/warren',
    exit(code?: unknown): never {
      const n = code === undefined ? (process.exitCode ?? 0) : Number(code) | 0;
      host.exit(n);
      throw new Exit(`process.exit(${n})`);
    },
    nextTick(fn: unknown, ...args: unknown[]) {
      if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
      host.nextTick(fn as (...a: unknown[]) => unknown, args);
    },
    on: () => process,
    once: () => process,
    off: () => process,
    removeListener: () => process,
    stdout: { write: (s: unknown) => (host.write('out', String(s)), true) },
    stderr: { write: (s: unknown) => (host.write('err', String(s)), true) },
  };
  return process;
}
