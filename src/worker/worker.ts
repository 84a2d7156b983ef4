/// <reference lib="webworker" />
/** The Web Worker entry: the engine runs here, off the main thread. */
import { createHandler } from './handler';
import type { Command, Reply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createHandler((reply: Reply) => scope.postMessage(reply));
scope.onmessage = (ev: MessageEvent<Command>) => handle(ev.data);
