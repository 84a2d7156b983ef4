/**
 * Runs a comparison in a worker of its own (worker/compare-worker.ts), so that the run on the canvas
 * goes on meanwhile; on the page where workers are not allowed.
 */
import type { CompareReply, CompareRequest } from '../../worker/compare-protocol';
import { workerName } from '../sim/workerName';
import { workersAllowed } from '../sim/workersAllowed';

/** Wall time a comparison may take before it is given up (the longest preset takes a few seconds). */
export const COMPARE_TIMEOUT_MS = 30_000;

export function runComparison(request: CompareRequest): Promise<CompareReply> {
  if (!workersAllowed()) {
    return import('../../worker/compare')
      .then((m) => m.compareRuns(request))
      .then(
        (result): CompareReply => ({ ok: true, result }),
        (e: unknown): CompareReply => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../worker/compare-worker.ts', import.meta.url), { type: 'module', name: workerName('warren-compare') });
    const done = (reply: CompareReply) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => done({ ok: false, error: 'timeout' }), COMPARE_TIMEOUT_MS);
    worker.onmessage = (ev: MessageEvent<CompareReply>) => done(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      done({ ok: false, error: ev.message || 'the worker failed' });
    };
    worker.postMessage(request);
  });
}
