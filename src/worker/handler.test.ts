import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';
import type { Frame } from './protocol';
import { presetDoc, wholeFrames } from './test-helpers';

/** Waits until the handler has answered `n` frames (its commands run one after another). */
async function frames(list: Frame[], n: number): Promise<void> {
  for (let i = 0; i < 200 && list.length < n; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('handler', () => {
  it('stamps every frame with its run: load, reset and seed each start a new one', async () => {
    const got: Frame[] = [];
    const handle = createHandler(wholeFrames(got));
    handle({ type: 'load', doc: presetDoc('work-queues') });
    handle({ type: 'play' });
    handle({ type: 'tick', wallMs: 16 });
    await frames(got, 3);
    handle({ type: 'reset' });
    handle({ type: 'tick', wallMs: 16 });
    await frames(got, 5);
    handle({ type: 'seed', seed: 9 });
    handle({ type: 'load', doc: presetDoc('hello-world') });
    await frames(got, 7);
    expect(got.map((f) => f.run)).toEqual([1, 1, 1, 2, 2, 3, 4]);
  });
});
