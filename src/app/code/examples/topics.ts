/** RabbitMQ tutorial 5, "Topics": a topic exchange routes each log by its key's words. */
import type { CodeExample } from './types';

const receive = `const amqp = require('amqplib');

const exchange = 'topic_logs';
const keys = process.argv.slice(2);

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'topic', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
for (const key of keys) await channel.bindQueue(queue, exchange, key);
console.log(' [*] Waiting for logs matching %s', keys.join(' '));

await channel.consume(queue, (msg) => {
  console.log(" [x] %s: '%s'", msg.fields.routingKey, msg.content.toString());
}, { noAck: true });
`;

const emit = `const amqp = require('amqplib');

const exchange = 'topic_logs';
const logs = [
  ['kern.critical', 'A critical kernel error'],
  ['kern.info', 'Kernel started'],
  ['cron.critical', 'Cron is down'],
  ['auth.warning', 'Too many logins'],
];

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'topic', { durable: false });
for (const [key, text] of logs) {
  channel.publish(exchange, key, Buffer.from(text));
  console.log(" [x] Sent %s: '%s'", key, text);
}
setTimeout(() => {
  connection.close();
  process.exit(0);
}, 500);
`;

export const TOPICS: CodeExample = {
  id: 'topics',
  programs: [
    { id: 'receive_kern', name: 'receive_logs_topic.js', source: receive, args: 'kern.*' },
    { id: 'receive_critical', name: 'receive_logs_topic.js', source: receive, args: '*.critical' },
    { id: 'emit', name: 'emit_log_topic.js', source: emit, args: '' },
  ],
};
