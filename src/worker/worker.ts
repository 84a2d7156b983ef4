/// <reference lib="webworker" />
/** The Web Worker entry: the engine runs here, off the main thread. */
import './slowdown-entry';
import { EventPacker, packReply } from './codec';
import { createHandler } from './handler';
import type { Command } from './protocol';
import type { SentReply } from './frame-delta';
import { lockdown } from './programs/lockdown';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Taken now: the first program removes postMessage from the worker's global (programs/lockdown.ts).
const postMessage = scope.postMessage.bind(scope);
// Frames go packed (see codec.ts): a fraction of the cost of structured-cloning their events.
const packer = new EventPacker();
const handle = createHandler(
  (reply: SentReply) => {
    const { message, transfer } = packReply(reply, packer);
    postMessage(message, transfer);
  },
  () => lockdown(scope),
);
scope.addEventListener('message', (ev: MessageEvent<Command>) => handle(ev.data));
// A rejection no program handled (its own handlers report the rest): keep it from the console.
scope.addEventListener('unhandledrejection', (ev) => ev.preventDefault());
