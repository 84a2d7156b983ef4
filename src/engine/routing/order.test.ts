import { describe, expect, it } from 'vitest';
import { compareNames } from './order';
import { createBroker } from '../index';

describe('compareNames (Erlang binary order of UTF-8 names)', () => {
  it('orders by byte: upper case, then lower case; a prefix first', () => {
    const names = ['ab', 'a', 'Z', 'aa', '9', 'B'];
    expect([...names].sort(compareNames)).toEqual(['9', 'B', 'Z', 'a', 'aa', 'ab']);
  });
  it('puts a character beyond U+FFFF after U+E000..U+FFFF, as UTF-8 does (UTF-16 would not)', () => {
    expect(compareNames('\u{1F600}', '\uFF01')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFF01').toBe(true); // what a plain JS comparison says
  });
});

describe('delivery order of one message routed to several queues', () => {
  it('a publish reaches classic queues in descending order of name, a dead-letter in ascending order', async () => {
    const b = createBroker({ seed: 1 });
    const conn = await b.connect();
    const ch = await conn.createChannel();
    await ch.assertExchange('x', 'fanout', { durable: false });
    await ch.assertQueue('src', { durable: false, arguments: { 'x-dead-letter-exchange': 'x' } });
    for (const n of ['b', 'c', 'a']) {
      await ch.assertQueue(n, { durable: false });
      await ch.bindQueue(n, 'x', '');
    }
    const got: string[] = [];
    for (const n of ['a', 'b', 'c']) await ch.consume(n, (m) => { if (m) got.push(`${n}:${new TextDecoder().decode(m.content)}`); }, { noAck: true });
    ch.publish('x', '', new TextEncoder().encode('p'));
    ch.sendToQueue('src', new TextEncoder().encode('d'));
    const m = await ch.get('src');
    if (m) ch.reject(m, false);
    await b.advance(10);
    expect(got).toEqual(['c:p', 'b:p', 'a:p', 'a:d', 'b:d', 'c:d']);
  });
});
