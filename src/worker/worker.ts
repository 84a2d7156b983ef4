/// <reference lib="webworker" />
/** The Web Worker entry: the engine runs here, off the main thread. */
import { EventPacker, packReply } from './codec';
import { createHandler } from './handler';
import type { Command, Reply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Frames go packed (see codec.ts): a fraction of the cost of structured-cloning their events.
const packer = new EventPacker();
const handle = createHandler((reply: Reply) => {
  const { message, transfer } = packReply(reply, packer);
  scope.postMessage(message, transfer);
});
scope.onmessage = (ev: MessageEvent<Command>) => handle(ev.data);
