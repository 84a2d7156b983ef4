import { describe, expect, it } from 'vitest';
import { connectOptions } from './connectOptions';
import { presetById, presetDocument } from '../../scenario/presets';
import type { ScenarioDocument } from '../../scenario/schema';

const doc = (): ScenarioDocument => presetDocument(presetById('ttl-dlx')!, 'en');
const byName = (d: ScenarioDocument, name: string) => d.nodes.find((n) => n.kind !== 'note' && n.config.name === name)!.id;

describe('connectOptions', () => {
  it('offers what canConnect accepts, both ways, and never the node itself', () => {
    const d = doc();
    for (const n of d.nodes) {
      for (const o of connectOptions(d, n.id)) {
        expect(o.other).not.toBe(n.id);
        expect([o.source, o.target]).toContain(n.id);
      }
    }
  });

  it('a queue: bound from exchanges, consumed by free consumers, dead-lettered to any exchange but its own DLX', () => {
    const d = doc();
    const queues = d.nodes.filter((n) => n.kind === 'queue');
    const withDlx = queues.find((q) => q.kind === 'queue' && q.config.arguments['x-dead-letter-exchange'])!;
    const opts = connectOptions(d, withDlx.id);
    const kinds = new Set(opts.map((o) => o.kind));
    expect(kinds).toContain('binding');
    expect(kinds).toContain('dead-letter');
    const dlx = withDlx.kind === 'queue' ? withDlx.config.arguments['x-dead-letter-exchange'] : '';
    expect(opts.filter((o) => o.kind === 'dead-letter').map((o) => o.target)).not.toContain(byName(d, String(dlx)));
    for (const o of opts.filter((x) => x.kind === 'binding')) expect(o.target).toBe(withDlx.id);
  });

  it('a producer that already publishes is offered no second target', () => {
    const d = doc();
    const producer = d.nodes.find((n) => n.kind === 'producer')!;
    expect(connectOptions(d, producer.id).filter((o) => o.kind === 'publish')).toEqual([]);
  });

  it('an exchange: bindings to queues and exchanges, and the others as its alternate exchange', () => {
    const d = doc();
    const exchanges = d.nodes.filter((n) => n.kind === 'exchange');
    const opts = connectOptions(d, exchanges[0].id);
    expect(opts.filter((o) => o.kind === 'alternate').map((o) => o.target).sort()).toEqual(exchanges.slice(1).map((e) => e.id).sort());
    expect(opts.some((o) => o.kind === 'binding' && o.source === exchanges[0].id)).toBe(true);
  });
});
