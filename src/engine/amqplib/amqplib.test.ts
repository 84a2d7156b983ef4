/** The amqplib module facades: URL parsing as amqplib's lib/connect.js does it, and the callback API. */
import { describe, expect, it } from 'vitest';
import { createBroker, type ConsumeMessage } from '../index';
import { amqplibCallbackModule, type CallbackChannel, type CallbackConnection } from './callback';
import { amqplibModule } from './module';
import { connectOptionsOf } from './url';

describe('connectOptionsOf (amqplib lib/connect.js)', () => {
  it('reads user, password and vhost from a URL, with amqplib\'s defaults and unescaping', () => {
    expect(connectOptionsOf()).toEqual({ user: 'guest', password: 'guest', vhost: '/' });
    expect(connectOptionsOf('amqp://localhost')).toEqual({ user: 'guest', password: 'guest', vhost: '/' });
    expect(connectOptionsOf('amqp://localhost/')).toEqual({ user: 'guest', password: 'guest', vhost: '/' });
    expect(connectOptionsOf('amqp://alice:s%40cret@localhost:5672/%2Fprod?heartbeat=10')).toEqual({ user: 'alice', password: 's@cret', vhost: '/prod' });
    expect(connectOptionsOf('amqps://bob@host/staging')).toEqual({ user: 'bob', password: '', vhost: 'staging' });
    expect(connectOptionsOf({ protocol: 'amqp', hostname: 'h', username: 'u', password: 'p', vhost: 'v' })).toEqual({ user: 'u', password: 'p', vhost: 'v' });
    expect(connectOptionsOf('amqp://localhost', { credentials: { mechanism: 'PLAIN', response: () => new Uint8Array(), username: 'c', password: 'd' } })).toEqual({ user: 'c', password: 'd', vhost: '/' });
  });

  it('refuses another protocol with amqplib\'s message', () => {
    expect(() => connectOptionsOf('http://localhost')).toThrow('Expected amqp: or amqps: as the protocol; got http:');
    expect(() => connectOptionsOf('nonsense')).toThrow('Expected amqp: or amqps: as the protocol; got ');
  });
});

describe('amqplibModule', () => {
  it('connects as the URL\'s user to its vhost, and refuses a wrong password like the broker', async () => {
    const broker = createBroker({ seed: 1 });
    await broker.admin.addVhost('prod');
    await broker.admin.addUser('alice', 's@cret');
    await broker.admin.setPermissions('alice', 'prod', '.*', '.*', '.*');
    const amqp = amqplibModule(broker);
    const conn = await amqp.connect('amqp://alice:s%40cret@localhost/prod');
    expect([conn.user, conn.vhost.name]).toEqual(['alice', 'prod']);
    await expect(amqp.connect('amqp://alice:wrong@localhost/prod')).rejects.toMatchObject({ code: 403 });
    await expect(amqp.connect('ftp://x')).rejects.toThrow('Expected amqp: or amqps:');
    expect(new amqp.IllegalOperationError('Channel closed').name).toBe('IllegalOperationError');
  });
});

describe('amqplibCallbackModule', () => {
  it('runs a callback-style program: connect, channel, declare, publish, consume, confirm, close', async () => {
    const broker = createBroker({ seed: 1 });
    const amqp = amqplibCallbackModule(broker);
    const log: string[] = [];
    amqp.connect('amqp://localhost', (err: Error | null, conn?: CallbackConnection) => {
      if (err || !conn) throw err;
      conn.createChannel((err1: Error | null, ch?: CallbackChannel) => {
        if (err1 || !ch) throw err1;
        ch.on('close', () => log.push('closed'));
        ch.assertQueue('hello', { durable: false }, (_e, ok) => {
          log.push(`declared ${ok!.queue}`);
          ch.sendToQueue('hello', new TextEncoder().encode('hi'));
          ch.consume('hello', (m: ConsumeMessage | null) => {
            log.push(`got ${new TextDecoder().decode(m!.content)}`);
            ch.checkQueue('missing', (e) => log.push(`check: ${e?.message}`));
          }, { noAck: true });
        });
      });
      conn.createConfirmChannel({}, (_e: Error | null, cc?: CallbackChannel) => {
        cc!.publish('', 'nowhere', new Uint8Array(1), {}, (e) => log.push(`confirm ${e === null}`));
        cc!.waitForConfirms((e) => log.push(`waitForConfirms ${e ?? 'ok'}`));
      });
    });
    await broker.advance(10);
    // (amqplib runs a failed call's callback before the channel's 'close'; the facade settles it a microtask later)
    expect(log.slice(0, 3)).toEqual(['confirm true', 'declared hello', 'got hi']);
    expect([...log].sort()).toEqual([
      'check: Operation failed: QueueDeclare; 404 (NOT-FOUND) with message "NOT_FOUND - no queue \'missing\' in vhost \'/\'"',
      'closed',
      'confirm true',
      'declared hello',
      'got hi',
      'waitForConfirms ok',
    ]);
  });
});
