/**
 * Makes a compiled program (compile.ts) into a function of Node's globals, and maps an error's
 * stack back to the program's line and column. `new Function`, in the simulation worker only: a
 * strict Content-Security-Policy on the page does not reach a worker served with its own headers,
 * so the page keeps a policy without 'unsafe-eval', and unlike a Blob module this needs no `blob:`
 * source and lets each program get its own `require`, `console` and timers as parameters. Names
 * that would reach outside (the worker's messaging, network and storage) are parameters too, bound
 * to undefined; lockdown.ts removes them from the worker's global object as well.
 */
import type { CompiledProgram } from './compile';
import { inspect } from './node/inspect';
import type { ProgramError } from './types';

/** Globals a program gets from its runtime (runtime.ts). */
const PROVIDED = ['require', 'console', 'process', 'Date', 'Math', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', '__loop'];
/** Globals a program must not reach: shadowed by undefined. */
export const SHADOWED = [
  'self', 'globalThis', 'window', 'postMessage', 'importScripts', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource',
  'indexedDB', 'caches', 'localStorage', 'sessionStorage', 'navigator', 'location', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'MessageChannel', 'close', 'addEventListener', 'removeEventListener', 'onmessage', 'performance',
];

/** What a program finds under a name it may not use: a function that throws saying so, whatever is done with it. */
function blocked(name: string): unknown {
  const fail = () => {
    throw new TypeError(`${name} is not available to Warren programs: they run in a sandbox with no network, storage or page access`);
  };
  return new Proxy(fail, { apply: fail, construct: fail, get: fail, set: fail, has: fail });
}

/** `globalThis`, `self` and `window` for a program: its own globals, blocked names, then the worker's remaining ones. */
function globalFor(own: Record<string, unknown>): unknown {
  const real = globalThis as unknown as Record<string | symbol, unknown>;
  const table: Record<string, unknown> = { ...own };
  for (const n of SHADOWED) if (!GLOBAL_NAMES.has(n)) table[n] = blocked(n);
  const g: object = new Proxy(table, {
    get: (t, k) => (typeof k === 'string' && GLOBAL_NAMES.has(k) ? g : typeof k === 'string' && k in t ? t[k] : real[k]),
    set: (t, k, v) => ((t as Record<string | symbol, unknown>)[k] = v, true),
  });
  return g;
}

const GLOBAL_NAMES = new Set(['self', 'globalThis', 'window']);

const fileOf = (id: string) => `warren-program-${id.replace(/[^\w-]/g, '_')}.js`;

/** Lines V8 puts before a `new Function` body (`function anonymous(…\n) {\n`), measured once. */
let headerLines: number | null = null;
function header(): number {
  if (headerLines === null) {
    try {
      new Function('throw new Error("probe")\n//# sourceURL=warren-probe.js')();
    } catch (e) {
      const m = /warren-probe\.js:(\d+)/.exec(String((e as Error).stack));
      headerLines = m ? Number(m[1]) - 1 : 2;
    }
  }
  return headerLines ?? 2;
}

let prefixLength = 0;

export function instantiate(id: string, program: CompiledProgram, globals: Record<string, unknown>): () => Promise<unknown> {
  prefixLength = program.prefix;
  const { Buffer } = globals as { Buffer?: unknown };
  const names = [...PROVIDED, 'Buffer', 'module', 'exports', '__filename', '__dirname', ...SHADOWED];
  const module = { exports: {} };
  const own: Record<string, unknown> = { Buffer };
  for (const n of PROVIDED) if (n !== '__loop') own[n] = globals[n];
  const global = globalFor(own);
  const values = names.map((n) => {
    if (GLOBAL_NAMES.has(n)) return global;
    if (n === 'module') return module;
    if (n === 'exports') return module.exports;
    if (n === 'Buffer') return Buffer;
    if (n === '__filename') return `/home/warren/${id}`;
    if (n === '__dirname') return '/home/warren';
    return PROVIDED.includes(n) ? globals[n] : blocked(n);
  });
  const fn = new Function(...names, `${program.body}\n//# sourceURL=${fileOf(id)}`) as (...a: unknown[]) => Promise<unknown>;
  return () => fn(...values);
}

/** The error's text, and where in the program it was thrown (its first stack frame in the program). */
export function errorAt(id: string, e: unknown): ProgramError {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : inspect(e);
  const stack = e instanceof Error ? String(e.stack ?? '') : '';
  const file = fileOf(id).replace(/[.]/g, '\\.');
  const m = new RegExp(`${file}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return { message };
  const line = Number(m[1]) - header();
  const column = line === 1 ? Number(m[2]) - prefixLength : Number(m[2]);
  return line >= 1 ? { message, line, column: Math.max(1, column) } : { message };
}
