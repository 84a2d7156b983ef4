import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportDefinitions, exportDefinitionsJson } from './definitions';
import { importDefinitions } from './definitions-import';
import { PRESETS, presetById } from './presets';
import { arbitraryScenario } from './testing/arbitrary';
import type { ScenarioDocument } from './schema';

/** The topology as sets of comparable strings: what definitions.json can carry. */
function topology(doc: ScenarioDocument) {
  const name = (id: string) => {
    const n = doc.nodes.find((m) => m.id === id)!;
    return n.kind === 'exchange' || n.kind === 'queue' ? `${n.kind}:${n.config.vhost}:${n.config.name}` : id;
  };
  const exclusive = new Set(doc.nodes.filter((n) => n.kind === 'queue' && n.config.exclusive).map((n) => n.id));
  const vhost = (id: string) => name(id).split(':')[1];
  return {
    exchanges: doc.nodes
      .filter((n) => n.kind === 'exchange')
      .map((n) => (n.kind === 'exchange' ? JSON.stringify([n.config.vhost, n.config.name, n.config.type, n.config.durable, n.config.autoDelete, n.config.internal, n.config.alternateExchange]) : ''))
      .sort(),
    queues: doc.nodes
      .filter((n) => n.kind === 'queue' && !exclusive.has(n.id))
      .map((n) => (n.kind === 'queue' ? JSON.stringify([n.config.vhost, n.config.name, n.config.durable, n.config.autoDelete, n.config.arguments]) : ''))
      .sort(),
    bindings: doc.edges
      .filter((e) => e.kind === 'binding' && !exclusive.has(e.target) && vhost(e.source) === vhost(e.target))
      .map((e) => (e.kind === 'binding' ? JSON.stringify([name(e.source), name(e.target), e.bindingKey, e.arguments]) : ''))
      .sort(),
  };
}

const roundTrip = (doc: ScenarioDocument) => {
  const r = importDefinitions(exportDefinitionsJson(doc));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('definitions.json', () => {
  it.each(PRESETS.map((p) => [p.id, p.doc] as const))('%s: export then import keeps the topology', (_, doc) => {
    expect(topology(roundTrip(doc))).toEqual(topology(doc));
  });

  it('round-trips random topologies', () => {
    fc.assert(
      fc.property(arbitraryScenario, (doc) => {
        expect(topology(roundTrip(doc))).toEqual(topology(doc));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('writes the management plugin format', () => {
    const { definitions } = exportDefinitions(presetById('alternate-exchange')!.doc);
    expect(definitions.rabbit_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(definitions.vhosts).toEqual([{ name: '/' }]);
    expect(definitions.exchanges.find((x) => x.name === 'orders')).toEqual({
      name: 'orders', vhost: '/', type: 'direct', durable: true, auto_delete: false, internal: false, arguments: { 'alternate-exchange': 'unrouted' },
    });
    expect(definitions.bindings).toContainEqual({ source: 'orders', vhost: '/', destination: 'orders.eu', destination_type: 'queue', routing_key: 'eu', arguments: {} });
    const ttl = exportDefinitions(presetById('ttl-dlx')!.doc).definitions.queues.find((q) => q.name === 'work.retry-3s');
    expect(ttl?.arguments).toEqual({ 'x-message-ttl': 3000, 'x-dead-letter-exchange': 'work' });
  });

  it('writes vhosts, and permissions for the users that connect to them', () => {
    const { definitions } = exportDefinitions(presetById('vhosts')!.doc);
    expect(definitions.vhosts.map((v) => v.name).sort()).toEqual(['/', 'billing', 'shop']);
    expect(definitions.permissions).toContainEqual({ user: 'guest', vhost: 'shop', configure: '.*', write: '.*', read: '.*' });
    expect(definitions.users).toEqual([]);
  });

  it('leaves out bindings across virtual hosts, which RabbitMQ cannot have, and says so', () => {
    const doc = presetById('vhosts')!.doc;
    const crossed = { ...doc, edges: doc.edges.map((e) => (e.kind === 'binding' && e.source === 'x1' ? { ...e, target: 'q2' } : e)) };
    const { definitions, warnings } = exportDefinitions(crossed);
    expect(definitions.bindings).toHaveLength(1);
    expect(warnings.join()).toMatch(/crosses virtual hosts/);
  });

  it('lays imported nodes out in columns: exchanges by depth, then queues', () => {
    const r = importDefinitions({
      exchanges: [
        { name: 'a', vhost: '/', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} },
        { name: 'b', vhost: '/', type: 'fanout', durable: true, auto_delete: false, internal: false, arguments: {} },
      ],
      queues: [{ name: 'q', vhost: '/', durable: true, auto_delete: false, arguments: {} }],
      bindings: [
        { source: 'a', vhost: '/', destination: 'b', destination_type: 'exchange', routing_key: '#', arguments: {} },
        { source: 'b', vhost: '/', destination: 'q', destination_type: 'queue', routing_key: '', arguments: {} },
        { source: 'amq.topic', vhost: '/', destination: 'q', destination_type: 'queue', routing_key: 'x.*', arguments: {} },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    const x = (name: string) => r.doc.nodes.find((n) => n.kind !== 'note' && n.config.name === name)!.position.x;
    expect(x('a')).toBe(0);
    expect(x('b')).toBeGreaterThan(x('a'));
    expect(x('q')).toBeGreaterThan(x('b'));
    expect(r.doc.nodes.find((n) => n.kind === 'exchange' && n.config.name === 'amq.topic')).toBeDefined();
  });

  describe('refuses bad files with a message naming the problem', () => {
    const bad = (input: unknown) => {
      const r = importDefinitions(input);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    it('not JSON', () => expect(bad('{"queues": [')).toMatch(/definitions file is not valid JSON/));
    it('not definitions', () => expect(bad({ hello: 1 })).toMatch(/not a RabbitMQ definitions file/));
    it('wrong shape', () => expect(bad({ queues: [{ vhost: '/' }] })).toMatch(/definitions file at queues\[0\]\.name/));
    it('bad argument', () =>
      expect(bad({ queues: [{ name: 'q', arguments: { 'x-max-priority': 1000 } }] })).toMatch(/Queue "q".*x-max-priority.*between 1 and 255/));
    it('too many', () => expect(bad({ queues: Array.from({ length: 600 }, (_, i) => ({ name: `q${i}` })) })).toMatch(/at most 500 nodes/));
  });

  it('reports what it leaves out', () => {
    const r = importDefinitions({
      users: [{ name: 'admin' }],
      policies: [{ name: 'ha' }],
      exchanges: [{ name: 'delayed', type: 'x-delayed-message' }],
      queues: [{ name: 'q', arguments: { 'x-queue-mode': 'lazy' } }],
      bindings: [{ source: 'delayed', destination: 'q', destination_type: 'queue' }],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.join('\n')).toMatch(/users, policies/);
    expect(r.warnings.join('\n')).toMatch(/x-delayed-message/);
    expect(r.warnings.join('\n')).toMatch(/x-queue-mode/);
  });
});
