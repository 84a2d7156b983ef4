// npm run conformance:real -- --definitions-fixture
//
// Builds a realistic broker on a fresh private RabbitMQ 3.10.8 node (several vhosts with descriptions and
// tags, users with tags and limits, permissions and topic permissions, policies, every queue argument, every
// exchange type, exchange-to-exchange and headers bindings, a vhost limit and a global parameter), exports it
// with `rabbitmqctl export_definitions` and saves it as src/scenario/fixtures/real-broker.definitions.json.
// The definitions round trip (scripts/real/definitions.ts) and the unit tests read that file.
import amqp from 'amqplib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, type RabbitNode } from './broker.ts';
import { ROOT } from './suites.ts';

export const FIXTURE = path.join(ROOT, 'src', 'scenario', 'fixtures', 'real-broker.definitions.json');

/** rabbitmqctl export_definitions, parsed. */
export async function exportFrom(node: RabbitNode): Promise<Record<string, unknown>> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warren-defs-')), 'out.json');
  try {
    await ctl(node, ['export_definitions', file]);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export async function buildRealisticBroker(node: RabbitNode): Promise<void> {
  const c = (...args: (string | number)[]) => ctl(node, args);
  await c('add_vhost', 'staging', '--description', 'Staging: a copy of production for release checks', '--tags', 'qa,eu', '--default-queue-type', 'classic');
  await c('add_vhost', 'orders', '--description', 'Order processing', '--tags', 'production');
  await c('set_vhost_limits', '-p', 'staging', '{"max-connections": 50, "max-queues": 200}');
  await c('add_user', 'admin', 'admin-secret');
  await c('set_user_tags', 'admin', 'administrator');
  await c('add_user', 'ops', 'ops-secret');
  await c('set_user_tags', 'ops', 'monitoring', 'management');
  await c('add_user', 'shop', 'shop-secret');
  await c('add_user', 'policy-bot', 'bot-secret');
  await c('set_user_tags', 'policy-bot', 'policymaker');
  await c('set_user_limits', 'shop', '{"max-connections": 10}');
  for (const v of ['/', 'staging', 'orders']) await c('set_permissions', '-p', v, 'admin', '.*', '.*', '.*');
  await c('set_permissions', '-p', 'orders', 'shop', '', '^orders$', '^orders\\.replies$');
  await c('set_permissions', '-p', 'staging', 'shop', '^shop\\.', '.*', '.*');
  await c('set_permissions', '-p', 'orders', 'ops', '', '', '.*');
  await c('set_topic_permissions', '-p', 'orders', 'shop', 'amq.topic', '^orders\\.', '^orders\\.eu\\.');
  await c('set_topic_permissions', '-p', 'staging', 'shop', 'events', '.*', '^audit\\.');
  await c('set_policy', '-p', 'orders', '--priority', '1', '--apply-to', 'queues', 'order-limits', '^orders\\.', '{"message-ttl": 60000, "max-length": 1000, "dead-letter-exchange": "orders.dlx"}');
  await c('set_policy', '-p', 'staging', '--apply-to', 'exchanges', 'staging-ae', '^events$', '{"alternate-exchange": "unrouted"}');
  await c('set_policy', '-p', 'staging', '--priority', '5', '--apply-to', 'all', 'staging-expiry', '^tmp\\.', '{"expires": 600000, "max-length-bytes": 1048576, "overflow": "reject-publish"}');
  await c('set_policy', '--apply-to', 'queues', 'lazy-archive', '^archive\\.', '{"queue-mode": "lazy"}');
  await c('set_global_parameter', 'ops_contact', '"ops@example.com"');

  // guest declares the topology (it is granted the new vhosts for that, and the grants are cleared after).
  for (const v of ['staging', 'orders']) await c('set_permissions', '-p', v, 'guest', '.*', '.*', '.*');
  const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.port}/orders`);
  const declareIn = async (vhost: string, f: (ch: amqp.Channel) => Promise<void>) => {
    const cn = vhost === 'orders' ? conn : await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.port}/${encodeURIComponent(vhost)}`);
    const ch = await cn.createChannel();
    await f(ch);
    await ch.close();
    if (cn !== conn) await cn.close();
  };
  await declareIn('orders', async (ch) => {
    await ch.assertExchange('orders', 'direct', { durable: true, alternateExchange: 'orders.unrouted' });
    await ch.assertExchange('orders.unrouted', 'fanout', { durable: true });
    await ch.assertExchange('orders.dlx', 'fanout', { durable: true });
    await ch.assertExchange('orders.events', 'topic', { durable: true, internal: true });
    await ch.assertExchange('orders.by-header', 'headers', { durable: true });
    await ch.assertExchange('orders.scratch', 'direct', { durable: false, autoDelete: true });
    await ch.assertQueue('orders.new', {
      durable: true,
      arguments: {
        'x-message-ttl': 30000, 'x-expires': 86400000, 'x-max-length': 500, 'x-max-length-bytes': 10485760, 'x-overflow': 'reject-publish-dlx',
        'x-dead-letter-exchange': 'orders.dlx', 'x-dead-letter-routing-key': 'expired', 'x-max-priority': 10, 'x-queue-mode': 'lazy',
        'x-queue-master-locator': 'client-local', 'x-queue-version': 2,
      },
    });
    await ch.assertQueue('orders.replies', { durable: true, arguments: { 'x-single-active-consumer': true, 'x-overflow': 'drop-head' } });
    await ch.assertQueue('orders.retry', { durable: true, arguments: { 'x-message-ttl': 5000, 'x-dead-letter-exchange': 'orders' } });
    await ch.assertQueue('orders.dead', { durable: true });
    await ch.assertQueue('orders.quorum', {
      durable: true,
      arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 5, 'x-quorum-initial-group-size': 1, 'x-dead-letter-exchange': 'orders.dlx', 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish', 'x-max-in-memory-length': 100 },
    });
    await ch.assertQueue('orders.stream', { durable: true, arguments: { 'x-queue-type': 'stream', 'x-max-age': '7D', 'x-stream-max-segment-size-bytes': 50000000 } });
    await ch.assertQueue('orders.transient', { durable: false, autoDelete: true });
    await ch.bindQueue('orders.new', 'orders', 'new');
    await ch.bindQueue('orders.new', 'orders', 'created');
    await ch.bindQueue('orders.dead', 'orders.dlx', '');
    await ch.bindQueue('orders.quorum', 'orders', 'priority');
    await ch.bindQueue('orders.stream', 'orders.events', 'orders.#');
    await ch.bindExchange('orders.events', 'orders', 'new');
    await ch.bindExchange('orders.unrouted', 'amq.fanout', '');
    await ch.bindQueue('orders.replies', 'orders.by-header', '', { 'x-match': 'any', region: 'eu', priority: 5 });
    await ch.bindQueue('orders.retry', 'orders.by-header', '', { 'x-match': 'all', retry: true });
    await ch.bindQueue('orders.transient', 'orders.scratch', 'x');
  });
  await declareIn('staging', async (ch) => {
    await ch.assertExchange('events', 'topic', { durable: true });
    await ch.assertExchange('unrouted', 'fanout', { durable: true });
    await ch.assertQueue('audit', { durable: true, arguments: { 'x-queue-type': 'classic' } });
    await ch.assertQueue('tmp.scratch', { durable: true });
    await ch.assertQueue('unrouted', { durable: true });
    await ch.bindQueue('audit', 'events', 'audit.#');
    await ch.bindQueue('tmp.scratch', 'events', '*.tmp');
    await ch.bindQueue('unrouted', 'unrouted', '');
  });
  await declareIn('/', async (ch) => {
    await ch.assertQueue('archive.2026', { durable: true });
    await ch.assertQueue('hello', { durable: true });
  });
  await conn.close();
  // guest's own permissions stay as a fresh broker has them (only '/'): undo the declaring grants.
  await c('clear_permissions', '-p', 'staging', 'guest');
  await c('clear_permissions', '-p', 'orders', 'guest');
}
