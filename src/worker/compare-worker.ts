/// <reference lib="webworker" />
/** A worker for one comparison (compare.ts): runs both runs, answers, and is ended by the page. */
import './slowdown-entry';
import { compareRuns } from './compare';
import type { CompareReply, CompareRequest } from './compare-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (ev: MessageEvent<CompareRequest>) => {
  compareRuns(ev.data, () => performance.now()).then(
    (result) => scope.postMessage({ ok: true, result } satisfies CompareReply),
    (e: unknown) => scope.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) } satisfies CompareReply),
  );
});
