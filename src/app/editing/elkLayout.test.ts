import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ElkNode } from 'elkjs/lib/elk-api';

const graph: ElkNode = {
  id: 'root',
  layoutOptions: { 'elk.algorithm': 'layered' },
  children: [
    { id: 'a', width: 40, height: 20 },
    { id: 'b', width: 40, height: 20 },
  ],
  edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
};

/** A worker whose script cannot load: it answers nothing and reports an error. */
class BrokenWorker extends EventTarget {
  static started = 0;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  constructor() {
    super();
    BrokenWorker.started++;
    setTimeout(() => this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'script failed' })), 0);
  }
  postMessage(): void {}
  terminate(): void {}
}

describe('elkLayout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('lays out on the page when workers are not there (Node, ?worker=0)', async () => {
    const { elkLayout } = await import('./elkLayout');
    const out = await elkLayout(structuredClone(graph));
    const [a, b] = out.children!;
    expect(b.x!).toBeGreaterThan(a.x!);
  });

  it('falls back to the page, once and for good, when its worker fails to start', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { elkLayout } = await import('./elkLayout');
    const out = await elkLayout(structuredClone(graph));
    expect(out.children!.map((c) => c.x! >= 0)).toEqual([true, true]);
    expect(warn).toHaveBeenCalledWith("ELK's worker failed: script failed", '- laying out on the page instead.');
    await elkLayout(structuredClone(graph));
    expect(BrokenWorker.started).toBe(1);
    warn.mockRestore();
  });
});
