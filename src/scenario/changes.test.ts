import { describe, expect, it } from 'vitest';
import { applyChange } from './changes';
import { presetById } from './presets';
import type { ScenarioDocument } from './schema';

const idOf = (d: ScenarioDocument, name: string) => d.nodes.find((n) => 'name' in n.config && n.config.name === name)!.id;

describe('removing nodes', () => {
  it('takes their edges and their timeline entries with them, and leaves the rest', () => {
    const doc = presetById('work-queues')!.doc;
    const c1 = idOf(doc, 'C1');
    const c2 = idOf(doc, 'C2');
    const withTimeline: ScenarioDocument = {
      ...doc,
      timeline: [
        { at: 1000, action: { type: 'stop-consumer', node: c2 } },
        { at: 2000, action: { type: 'start-consumer', node: c1 } },
        { at: 3000, action: { type: 'restart-broker' } },
        { at: 4000, action: { type: 'stop-node', node: 'rabbit@localhost' } },
      ],
    };
    const after = applyChange(withTimeline, { type: 'remove', nodeIds: [c2], edgeIds: [] });
    expect(after.nodes.some((n) => n.id === c2)).toBe(false);
    expect(after.edges.some((e) => e.source === c2 || e.target === c2)).toBe(false);
    expect(after.timeline?.map((e) => e.at)).toEqual([2000, 3000, 4000]);
    // The last entry about a canvas node gone: the timeline stays, without it.
    const none = applyChange({ ...doc, timeline: [{ at: 1000, action: { type: 'stop-consumer', node: c2 } }] }, { type: 'remove', nodeIds: [c2], edgeIds: [] });
    expect(none.timeline).toBeUndefined();
    // A document without a timeline does not gain one.
    expect('timeline' in applyChange(doc, { type: 'remove', nodeIds: [c2], edgeIds: [] })).toBe(false);
  });
});
