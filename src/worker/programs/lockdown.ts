/// <reference lib="webworker" />
/**
 * Before the first program runs, the simulation worker gives up what a program must not reach
 * (runtime.ts explains why programs share its realm): messaging, network, storage and nested
 * workers are removed from the global object and its prototypes (a program calling them gets a
 * TypeError naming the API), and the built-in prototypes are frozen, so a program that pollutes
 * `Object.prototype` gets a TypeError (programs are strict) instead of changing the engine.
 * The worker keeps the `postMessage` it took before (worker.ts).
 */
import { Buffer } from 'buffer';
import { SHADOWED } from './sandbox';

const REMOVED = [
  'postMessage', 'importScripts', 'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource',
  'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'MessageChannel', 'close', 'navigator', 'location',
  'requestAnimationFrame', 'OffscreenCanvas', 'FileReaderSync', 'FileSystemHandle', 'StorageManager', 'Notification',
];

/** Frozen so that no program can change them under the engine or under another program. */
const FROZEN = [
  Object, Object.prototype, Array, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype,
  Symbol.prototype, Promise, Promise.prototype, RegExp.prototype, Map.prototype, Set.prototype, WeakMap.prototype,
  JSON, Math, Reflect, Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype) as object, Buffer, Buffer.prototype,
];

let done = false;

export function lockdown(scope: object): void {
  if (done) return;
  done = true;
  for (const name of new Set([...REMOVED, ...SHADOWED.filter((n) => n !== 'self' && n !== 'globalThis' && n !== 'performance')])) {
    const blocked = () => {
      throw new TypeError(`${name} is not available to Warren programs: they run in a sandbox with no network, storage or page access`);
    };
    for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        try {
          delete (o as Record<string, unknown>)[name];
        } catch {
          /* not configurable: shadowed below */
        }
      }
    }
    try {
      Object.defineProperty(scope, name, { get: blocked, set: blocked, configurable: false });
    } catch {
      /* a non-configurable property stays as it was */
    }
  }
  for (const o of FROZEN) Object.freeze(o);
}
