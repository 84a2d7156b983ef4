/// <reference lib="webworker" />
/** The render worker: draws the message layer on a canvas the page handed over. */
import '../../../worker/slowdown-entry';
import { slowedClock } from '../../../worker/slowdown';
import { startRenderHost } from './host';
import type { RenderCommand, RenderReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = startRenderHost((r: RenderReply) => scope.postMessage(r), undefined, { workClock: slowedClock });
scope.addEventListener('message', (ev: MessageEvent<RenderCommand>) => host.handle(ev.data));
