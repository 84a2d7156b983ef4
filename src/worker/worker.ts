/// <reference lib="webworker" />
/** The Web Worker entry: the engine runs here, off the main thread. */
import './slowdown-entry';
import { slowedClock } from './slowdown';
import { EventPacker, packReply } from './codec';
import { createHandler, type FrameClock } from './handler';
import type { Command } from './protocol';
import type { SentReply } from './frame-delta';
import { lockdown } from './programs/lockdown';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Taken now: the first program removes postMessage from the worker's global (programs/lockdown.ts).
const postMessage = scope.postMessage.bind(scope);
// Frames go packed (see codec.ts): a fraction of the cost of structured-cloning their events.
const packer = new EventPacker();
// The run keeps time by the worker's own animation frames (handler.ts HandlerOptions.clock), taken
// now for the same reason; where a worker has none, a timer stands in.
const frame = typeof scope.requestAnimationFrame === 'function' ? scope.requestAnimationFrame.bind(scope) : null;
const timeout = scope.setTimeout.bind(scope);
const clock: FrameClock = frame ? (f) => void frame(f) : (f) => void timeout(() => f(performance.now()), 1000 / 60);
const handle = createHandler(
  (reply: SentReply) => {
    const { message, transfer } = packReply(reply, packer);
    postMessage(message, transfer);
  },
  () => lockdown(scope),
  { clock, workClock: slowedClock },
);
// The handler's promise: the benchmark's slow-down (slowdown.ts) stretches the command's whole work, not only its start.
scope.addEventListener('message', (ev: MessageEvent<Command>) => handle(ev.data));
// A rejection no program handled (its own handlers report the rest): keep it from the console.
scope.addEventListener('unhandledrejection', (ev) => ev.preventDefault());
