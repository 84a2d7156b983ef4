import { describe, expect, it } from 'vitest';
import { checkEntityName, checkTopicBindingKey, topicMatches } from './validate';
import { createNode, emptyScenario } from '../../scenario/factory';
import type { ScenarioDocument } from '../../scenario/schema';

function docWith(...names: [kind: 'queue' | 'exchange', name: string, vhost?: string][]): ScenarioDocument {
  const doc = emptyScenario();
  for (const [kind, name, vhost] of names) {
    const node = createNode(doc, kind, { x: 0, y: 0 });
    if (node.kind === 'queue' || node.kind === 'exchange') {
      node.config.name = name;
      node.config.vhost = vhost ?? '/';
    }
    doc.nodes.push(node);
  }
  return doc;
}

describe('checkEntityName', () => {
  const doc = docWith(['queue', 'orders'], ['exchange', 'orders'], ['queue', 'jobs', '/test']);

  it('refuses amq.* names for queues and exchanges (RabbitMQ: 403 ACCESS_REFUSED)', () => {
    expect(checkEntityName(doc, 'queue', 'x', 'amq.gen-1', '/')?.code).toBe('nameReserved');
    expect(checkEntityName(doc, 'exchange', 'x', 'amq.direct', '/')?.code).toBe('nameReserved');
    expect(checkEntityName(doc, 'queue', 'x', 'amqp.jobs', '/')).toBeNull();
  });

  it('requires a name', () => {
    expect(checkEntityName(doc, 'queue', 'x', '', '/')?.code).toBe('nameRequired');
    expect(checkEntityName(doc, 'queue', 'x', 'a'.repeat(256), '/')?.code).toBe('nameTooLong');
  });

  it('refuses a name taken by the same kind in the same vhost only', () => {
    expect(checkEntityName(doc, 'queue', 'x', 'orders', '/')?.code).toBe('nameTaken');
    // An exchange and a queue may share a name; another vhost is another namespace.
    expect(checkEntityName(docWith(['exchange', 'orders']), 'queue', 'x', 'orders', '/')).toBeNull();
    expect(checkEntityName(doc, 'queue', 'x', 'jobs', '/')).toBeNull();
    expect(checkEntityName(doc, 'queue', 'x', 'jobs', '/test')?.code).toBe('nameTaken');
  });

  it('lets a node keep its own name', () => {
    const self = doc.nodes[0];
    expect(checkEntityName(doc, 'queue', self.id, 'orders', '/')).toBeNull();
  });
});

describe('checkTopicBindingKey', () => {
  it.each(['', '#', '*', 'a.b.c', '*.orange.*', 'lazy.#', '#.error', 'a..b', '*.*.#', 'a.'])('accepts %j', (key) => {
    expect(checkTopicBindingKey(key)).toBeNull();
  });

  it.each([
    ['a*', 'a*'],
    ['a.b#', 'b#'],
    ['**.x', '**'],
    ['#.#x', '#x'],
    ['a.*b.c', '*b'],
  ])('refuses %j, naming the word %j', (key, word) => {
    expect(checkTopicBindingKey(key)).toEqual({ code: 'topicWildcard', params: { word } });
  });
});

describe('topicMatches', () => {
  it.each([
    ['*.orange.*', 'quick.orange.rabbit', true],
    ['*.orange.*', 'quick.orange.male.rabbit', false],
    ['*.*.rabbit', 'lazy.orange.rabbit', true],
    ['lazy.#', 'lazy', true],
    ['lazy.#', 'lazy.pink.rabbit', true],
    ['lazy.#', 'lazy.', true],
    ['#', '', true],
    ['#', 'a.b.c', true],
    ['*', '', false],
    ['*', 'a', true],
    ['', '', true],
    ['', 'a', false],
    ['a.#.b', 'a.b', true],
    ['a.#.b', 'a.x.y.b', true],
    ['a.#.b', 'a.x.y.c', false],
    ['#.#', 'a', true],
    ['a.*', 'a.', true],
    ['orders.eu', 'orders.eu', true],
    ['orders.eu', 'orders.us', false],
  ])('%j ~ %j is %s', (binding, key, expected) => {
    expect(topicMatches(binding, key)).toBe(expected);
  });
});
