import { describe, expect, it } from 'vitest';
import { presetById } from '../../scenario/presets';
import type { ScenarioDocument, TimelineEntry } from '../../scenario/schema';
import { simulationT } from '../testing/i18n';
import type { Translate } from '../text';
import { ACTION_TYPES, ACTIONS, AMOUNT, describeEntry, entryOf, formatBytes, parseAmount, sortedEntries, targetsFor, type ActionType } from './actions';

const doc = (id: string): ScenarioDocument => presetById(id)!.doc;
const work = doc('work-queues');
const idOf = (d: ScenarioDocument, name: string) => d.nodes.find((n) => 'name' in n.config && n.config.name === name)!.id;

/** An entry of each type on the work-queues preset, made through the form's own checks. */
function sample(type: ActionType): TimelineEntry {
  const targets = targetsFor(work, type);
  const amount = { count: '3', fraction: '0.2', megabytes: '1500' }[AMOUNT[type] ?? 'count'];
  const r = entryOf({ seconds: '2.5', type, target: targets[0]?.value ?? '', amount }, targets);
  if (!r.ok) throw new Error(`${type}: ${r.error}`);
  return r.entry;
}

describe('timeline entries', () => {
  it('are described in words in both languages, for every kind of action', async () => {
    for (const lng of ['en', 'zh'] as const) {
      const t = (await simulationT(lng)) as unknown as Translate;
      for (const type of ACTION_TYPES) {
        const text = describeEntry(work, sample(type), t);
        expect(text, `${lng} ${type}`).not.toMatch(/timeline\.|\{\{/);
        expect(text, `${lng} ${type}`).toMatch(/^2\.5 /);
        if (ACTIONS[type] === 'consumer') expect(text).toContain('C1');
        if (ACTIONS[type] === 'queue') expect(text).toContain('task_queue');
      }
    }
    const en = (await simulationT('en')) as unknown as Translate;
    expect(describeEntry(work, sample('publish'), en)).toBe('2.5 s · new_task publishes 3 messages');
    expect(describeEntry(work, sample('set-disk-free'), en)).toBe('2.5 s · free disk limit to 1.5 GB');
    expect(describeEntry(work, sample('stop-consumer'), en)).toBe('2.5 s · pause C1');
    // A target that has left the canvas is said to be gone, not shown as an id.
    expect(describeEntry(work, { at: 1000, action: { type: 'purge-queue', node: 'gone' } }, en)).toBe('1 s · purge a removed node');
  });

  it('offer what each action can act on: consumers, producers, queues or broker nodes', () => {
    expect(targetsFor(work, 'stop-consumer').map((x) => x.label)).toEqual(['C1', 'C2']);
    expect(targetsFor(work, 'publish').map((x) => x.label)).toEqual(['new_task']);
    expect(targetsFor(work, 'purge-queue').map((x) => x.value)).toEqual([idOf(work, 'task_queue')]);
    expect(targetsFor(work, 'stop-node').map((x) => x.value)).toEqual(['rabbit@localhost']);
    expect(targetsFor(doc('quorum-majority'), 'stop-node').length).toBe(3);
    expect(targetsFor(work, 'restart-broker')).toEqual([]);
  });

  it('refuse bad input with a reason, and make nothing', () => {
    const consumers = targetsFor(work, 'stop-consumer');
    const c1 = consumers[0].value;
    const draft = { seconds: '5', type: 'stop-consumer' as ActionType, target: c1, amount: '' };
    expect(entryOf(draft, consumers)).toEqual({ ok: true, entry: { at: 5000, action: { type: 'stop-consumer', node: c1 } } });
    expect(entryOf({ ...draft, seconds: '1,5' }, consumers)).toMatchObject({ ok: true, entry: { at: 1500 } });
    for (const seconds of ['', '-1', 'soon', '90000']) expect(entryOf({ ...draft, seconds }, consumers)).toEqual({ ok: false, error: 'time' });
    expect(entryOf({ ...draft, target: 'nope' }, consumers)).toEqual({ ok: false, error: 'target' });
    expect(entryOf({ ...draft, target: '' }, [])).toEqual({ ok: false, error: 'none.consumer' });
    // A full timeline takes no more, however good the entry.
    expect(entryOf(draft, consumers, 499)).toMatchObject({ ok: true });
    expect(entryOf(draft, consumers, 500)).toEqual({ ok: false, error: 'full' });
    const producers = targetsFor(work, 'publish');
    for (const amount of ['0', '2.5', '10001', 'many']) expect(entryOf({ seconds: '1', type: 'publish', target: producers[0].value, amount }, producers)).toEqual({ ok: false, error: 'count' });
    for (const amount of ['', '-0.1', '1.5', 'x']) expect(entryOf({ seconds: '1', type: 'set-memory-watermark', target: '', amount }, [])).toEqual({ ok: false, error: 'fraction' });
    for (const amount of ['', '-5', 'x']) expect(entryOf({ seconds: '1', type: 'set-disk-free', target: '', amount }, [])).toEqual({ ok: false, error: 'disk' });
    expect(entryOf({ seconds: '1', type: 'set-disk-free', target: '', amount: '50' }, [])).toEqual({ ok: true, entry: { at: 1000, action: { type: 'set-disk-free', bytes: 50_000_000 } } });
  });

  it('read numbers as people type them: decimal commas, thousands separators', () => {
    expect(parseAmount('1.5')).toBe(1.5);
    expect(parseAmount('1,5')).toBe(1.5);
    expect(parseAmount('10,000')).toBe(10_000);
    expect(parseAmount('10 000')).toBe(10_000);
    expect(parseAmount('.4')).toBe(0.4);
    for (const bad of ['', 'soon', '1.2.3', '1,2,3', '0x10', '1e3']) expect(parseAmount(bad), bad).toBeNaN();
    const producers = targetsFor(work, 'publish');
    expect(entryOf({ seconds: '1', type: 'publish', target: producers[0].value, amount: '10,000' }, producers)).toMatchObject({ ok: true, entry: { action: { count: 10_000 } } });
  });

  it('list in the order things happen, keeping their places in the document', () => {
    const a = sample('stop-consumer');
    const later = { ...sample('restart-broker'), at: 9000 };
    const early = { ...sample('purge-queue'), at: 1000 };
    expect(sortedEntries([later, a, early]).map((e) => e.index)).toEqual([2, 1, 0]);
    expect(sortedEntries(undefined)).toEqual([]);
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(50_000_000)).toBe('50 MB');
  });
});
