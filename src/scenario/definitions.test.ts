import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportDefinitions, exportDefinitionsJson, kindByKind } from './definitions';
import { importDefinitions } from './definitions-import';
import { passwordMatches } from './passwordHash';
import { PRESETS, presetById } from './presets';
import { arbitraryScenario } from './testing/arbitrary';
import type { ScenarioDocument } from './schema';
import realBroker from './fixtures/real-broker.definitions.json';
import { messageText } from './messages';

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

const imported = async (input: unknown) => {
  const r = await importDefinitions(input);
  if (!r.ok) throw new Error(messageText(r.error));
  return r;
};
const roundTrip = async (doc: ScenarioDocument) => (await imported(await exportDefinitionsJson(doc))).doc;

describe('definitions.json', () => {
  it.each(PRESETS.map((p) => [p.id, p.doc] as const))('%s: export, import, export again gives the same definitions', async (_, doc) => {
    const first = (await exportDefinitions(doc)).definitions;
    const again = (await imported(JSON.stringify(first))).doc;
    expect(topology(again)).toEqual(topology(doc));
    expect(kindByKind((await exportDefinitions(again)).definitions)).toEqual(kindByKind(first));
  });

  it('round-trips random topologies', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, async (doc) => {
        expect(topology(await roundTrip(doc))).toEqual(topology(doc));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('writes the management plugin format', async () => {
    const { definitions } = await exportDefinitions(presetById('alternate-exchange')!.doc);
    expect(definitions.rabbit_version).toBe('3.10.8');
    expect(definitions.vhosts).toEqual([{ name: '/', limits: [], metadata: { description: 'Default virtual host', tags: [] } }]);
    expect(definitions.exchanges.find((x) => x.name === 'orders')).toEqual({
      name: 'orders', vhost: '/', type: 'direct', durable: true, auto_delete: false, arguments: { 'alternate-exchange': 'unrouted' },
    });
    expect(definitions.bindings).toContainEqual({ source: 'orders', vhost: '/', destination: 'orders.eu', destination_type: 'queue', routing_key: 'eu', arguments: {} });
    const ttl = (await exportDefinitions(presetById('ttl-dlx')!.doc)).definitions.queues.find((q) => q.name === 'work.retry-3s');
    expect(ttl?.arguments).toEqual({ 'x-message-ttl': 3000, 'x-dead-letter-exchange': 'work' });
    expect(ttl?.type).toBe('classic');
  });

  it('writes the policies preset\'s policy (regression: it exported "policies": [])', async () => {
    const { definitions } = await exportDefinitions(presetById('policies')!.doc);
    expect(definitions.policies).toEqual([
      { vhost: '/', name: 'orders-limits', pattern: '^orders\\.', 'apply-to': 'queues', priority: 0, definition: { 'message-ttl': 5000, 'max-length': 10, 'dead-letter-exchange': 'orders.dlx' } },
    ]);
  });

  it('writes the permissions preset\'s restrictive permissions and tags exactly (regression: they became .* .* .*)', async () => {
    const { definitions } = await exportDefinitions(presetById('permissions')!.doc);
    expect(definitions.permissions).toEqual([
      { user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*' },
      { user: 'shop', vhost: '/', configure: '', write: '^orders$', read: '' },
      { user: 'warehouse', vhost: '/', configure: '', write: '', read: '^orders\\.new$' },
    ]);
    const users = Object.fromEntries(definitions.users.map((u) => [u.name, u]));
    expect(users.warehouse.tags).toEqual(['monitoring']);
    expect(users.guest.tags).toEqual(['administrator']);
    expect(users.shop.hashing_algorithm).toBe('rabbit_password_hashing_sha256');
    expect(await passwordMatches(users.shop.password_hash, 'shop')).toBe(true);
  });

  it('writes vhosts, and only the permissions the broker section grants', async () => {
    const { definitions } = await exportDefinitions(presetById('vhosts')!.doc);
    expect(definitions.vhosts.map((v) => v.name).sort()).toEqual(['/', 'billing', 'shop']);
    expect(definitions.vhosts.find((v) => v.name === 'shop')!.metadata).toEqual({ description: '', tags: [] });
    expect(definitions.permissions).toContainEqual({ user: 'guest', vhost: 'shop', configure: '.*', write: '.*', read: '.*' });
    expect(definitions.users.map((u) => u.name)).toEqual(['guest']);
  });

  it('leaves out bindings across virtual hosts, which RabbitMQ cannot have, and says so', async () => {
    const doc = presetById('vhosts')!.doc;
    const crossed = { ...doc, edges: doc.edges.map((e) => (e.kind === 'binding' && e.source === 'x1' ? { ...e, target: 'q2' } : e)) };
    const { definitions, warnings } = await exportDefinitions(crossed);
    expect(definitions.bindings).toHaveLength(1);
    expect(warnings.map(messageText).join()).toMatch(/crosses virtual hosts/);
  });

  describe('a real RabbitMQ 3.10.8 export (fixtures/real-broker.definitions.json)', () => {
    it('imports into the broker section and nodes, and exports back to the same definitions', async () => {
      const r = await imported(realBroker);
      const again = (await exportDefinitions(r.doc)).definitions;
      expect(kindByKind(again)).toEqual(kindByKind(realBroker));
    });

    it('creates the vhosts and users the Broker panel shows, keeping hashes and tags', async () => {
      const { doc, warnings } = await imported(realBroker);
      const broker = doc.broker!;
      expect(broker.vhosts.sort()).toEqual(['orders', 'staging']);
      expect(broker.vhostMetadata?.find((m) => m.vhost === 'staging')).toMatchObject({ description: 'Staging: a copy of production for release checks', tags: ['qa', 'eu'], defaultQueueType: 'classic' });
      const ops = broker.users.find((u) => u.name === 'ops')!;
      expect(ops.tags).toEqual(['monitoring', 'management']);
      expect(ops.passwordHash).toBe(realBroker.users.find((u) => u.name === 'ops')!.password_hash);
      // guest's hash is checked: the simulation can still connect as guest/guest.
      expect(broker.users.find((u) => u.name === 'guest')!.password).toBe('guest');
      expect(broker.permissions).toContainEqual({ user: 'shop', vhost: 'orders', configure: '', write: '^orders$', read: '^orders\\.replies$' });
      expect(broker.topicPermissions).toHaveLength(2);
      expect(broker.policies.map((p) => p.name).sort()).toEqual(['lazy-archive', 'order-limits', 'staging-ae', 'staging-expiry']);
      const inStaging = doc.nodes.filter((n) => (n.kind === 'queue' || n.kind === 'exchange') && n.config.vhost === 'staging');
      expect(inStaging.map((n) => (n.kind === 'note' ? '' : n.config.name)).sort()).toEqual(['audit', 'events', 'tmp.scratch', 'unrouted', 'unrouted']);
      const text = warnings.map(messageText).join('\n');
      expect(text).toMatch(/Kept unchanged for the export, not simulated: .*queue "orders.stream" \(type stream\)/);
      expect(text).toMatch(/1 parameter\(s\); 1 global parameter\(s\)/);
      expect(text).toMatch(/x-queue-mode/);
    });

    it('lays each vhost out in its own band, under a note naming it', async () => {
      const { doc } = await imported(realBroker);
      const notes = doc.nodes.filter((n) => n.kind === 'note');
      expect(notes.map((n) => (n.kind === 'note' ? n.config.text : '')).sort()).toEqual(['vhost /', 'vhost orders', 'vhost staging']);
      const band = (vhost: string) => {
        const ys = doc.nodes.filter((n) => (n.kind === 'queue' || n.kind === 'exchange') && n.config.vhost === vhost).map((n) => n.position.y);
        return [Math.min(...ys), Math.max(...ys)];
      };
      const [a, b, c] = ['orders', 'staging', '/'].map(band).sort((x, y) => x[0] - y[0]);
      expect(a[1]).toBeLessThan(b[0]);
      expect(b[1]).toBeLessThan(c[0]);
    });
  });

  it('lays imported nodes out in columns: exchanges by depth, then queues', async () => {
    const r = await imported({
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
    const x = (name: string) => r.doc.nodes.find((n) => n.kind !== 'note' && n.config.name === name)!.position.x;
    expect(x('a')).toBe(0);
    expect(x('b')).toBeGreaterThan(x('a'));
    expect(x('q')).toBeGreaterThan(x('b'));
    expect(r.doc.nodes.find((n) => n.kind === 'exchange' && n.config.name === 'amq.topic')).toBeDefined();
  });

  describe('refuses bad files with a message naming the problem', () => {
    const bad = async (input: unknown) => {
      const r = await importDefinitions(input);
      if (r.ok) throw new Error('accepted');
      return messageText(r.error);
    };
    it('not JSON', async () => expect(await bad('{"queues": [')).toMatch(/definitions file is not valid JSON/));
    it('not definitions', async () => expect(await bad({ hello: 1 })).toMatch(/not a RabbitMQ definitions file/));
    it('wrong shape', async () => expect(await bad({ queues: [{ vhost: '/' }] })).toMatch(/definitions file at queues\[0\]\.name/));
    it('wrong type', async () => expect(await bad({ exchanges: [{ name: 'x', type: 'direct', durable: 'yes' }] })).toMatch(/at exchanges\[0\]\.durable/));
    it('a kind that is not a list', async () => expect(await bad({ queues: [], users: { guest: {} } })).toMatch(/at users/));
    it('unknown kinds', async () => expect(await bad({ queues: [], quues: [], shovels: [] })).toMatch(/unknown kind\(s\): "quues", "shovels"/));
    it('__proto__ keys', async () => {
      const text = '{"queues": [{"name": "q", "arguments": {"__proto__": {"polluted": true}}}]}';
      expect(await bad(text)).toMatch(/key named "__proto__" at queues\[0\]\.arguments\.__proto__/);
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
    it('50 MB', async () => expect(await bad('{"queues": [' + ' '.repeat(50_000_000) + ']}')).toMatch(/too large \(50\.0 MB; the limit is 5\.0 MB\)/));
    it('bad argument', async () =>
      expect(await bad({ queues: [{ name: 'q', arguments: { 'x-max-priority': 1000 } }] })).toMatch(/Queue "q".*x-max-priority.*between 1 and 255/));
    it('too many', async () => expect(await bad({ queues: Array.from({ length: 600 }, (_, i) => ({ name: `q${i}` })) })).toMatch(/at most 500 nodes/));
  });

  it('keeps what it does not model, says so, and writes it back', async () => {
    const file = {
      parameters: [{ component: 'federation-upstream', name: 'up', vhost: '/', value: { uri: 'amqp://remote' } }],
      global_parameters: [{ name: 'cluster_name', value: 'rabbit@prod' }],
      policies: [{ vhost: '/', name: 'fed', pattern: '^fed\\.', 'apply-to': 'exchanges', definition: { 'federation-upstream-set': 'all' }, priority: 0 }],
      exchanges: [{ name: 'delayed', vhost: '/', type: 'x-delayed-message', durable: true, auto_delete: false, internal: false, arguments: { 'x-delayed-type': 'direct' } }],
      queues: [{ name: 'q', vhost: '/', durable: true, auto_delete: false, arguments: { 'x-queue-mode': 'lazy' } }],
      bindings: [{ source: 'delayed', vhost: '/', destination: 'q', destination_type: 'queue', routing_key: 'k', arguments: {} }],
    };
    const r = await imported(file);
    const text = r.warnings.map(messageText).join('\n');
    expect(text).toMatch(/exchange "delayed" \(type x-delayed-message\)/);
    expect(text).toMatch(/policy "fed"/);
    expect(text).toMatch(/Queue arguments not simulated, but kept for the export: q \(x-queue-mode\)/);
    const { definitions, warnings } = await exportDefinitions(r.doc);
    for (const kind of ['parameters', 'global_parameters', 'policies', 'exchanges', 'bindings'] as const) expect(definitions[kind]).toEqual(file[kind]);
    expect(definitions.queues[0].arguments).toEqual({ 'x-queue-mode': 'lazy' });
    expect(warnings.map(messageText).join('\n')).toMatch(/5 imported definition\(s\) Warren does not model .* are written back unchanged/);
  });
});
