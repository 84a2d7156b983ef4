/**
 * Runs an ELK layout in ELK's worker (elk.worker.ts), or on the page where workers are not allowed
 * (`?worker=0`, tests under Node) or the worker failed to start: the layout is the same either way.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { workersAllowed } from '../sim/workersAllowed';
import { workerName } from '../sim/workerName';

type Layouter = { layout(graph: ElkNode): Promise<ElkNode>; terminateWorker?(): void };

let inWorker: { elk: Layouter; failed: Promise<never> } | null = null;
let workerBroken = false;

async function startWorker(): Promise<{ elk: Layouter; failed: Promise<never> }> {
  const { default: ELK } = await import('elkjs/lib/elk-api.js');
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // Nobody may be waiting when it fails; the next layout hears of it.
  failed.catch(() => undefined);
  const elk = new ELK({
    workerFactory: () => {
      const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: workerName('warren-layout') });
      worker.addEventListener('error', (ev) => {
        ev.preventDefault();
        fail(new Error(`ELK's worker failed: ${ev.message}`));
      });
      return worker;
    },
  });
  return { elk, failed };
}

async function onPage(graph: ElkNode): Promise<ElkNode> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK().layout(graph);
}

export async function elkLayout(graph: ElkNode): Promise<ElkNode> {
  if (workerBroken || !workersAllowed()) return onPage(graph);
  try {
    inWorker ??= await startWorker();
    const { elk, failed } = inWorker;
    return await Promise.race([elk.layout(graph), failed]);
  } catch (e) {
    // A worker that cannot load (or crashed): lay out on the page from now on.
    console.warn(e instanceof Error ? e.message : e, '- laying out on the page instead.');
    inWorker?.elk.terminateWorker?.();
    inWorker = null;
    workerBroken = true;
    return onPage(graph);
  }
}
