/** RabbitMQ tutorial 4, "Routing": a direct exchange delivers a log to the queues bound with its severity. */
import type { CodeExample } from './types';

const receive = `const amqp = require('amqplib');

const exchange = 'direct_logs';
const severities = process.argv.slice(2);

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'direct', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
for (const severity of severities) await channel.bindQueue(queue, exchange, severity);
console.log(' [*] Waiting for %s logs', severities.join(', '));

await channel.consume(queue, (msg) => {
  console.log(" [x] %s: '%s'", msg.fields.routingKey, msg.content.toString());
}, { noAck: true });
`;

const emit = `const amqp = require('amqplib');

const exchange = 'direct_logs';
const logs = [
  ['info', 'Disk 40% full'],
  ['warning', 'Disk 85% full'],
  ['error', 'Disk full: writes refused'],
];

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'direct', { durable: false });
for (const [severity, text] of logs) {
  channel.publish(exchange, severity, Buffer.from(text));
  console.log(" [x] Sent %s: '%s'", severity, text);
}
setTimeout(() => {
  connection.close();
  process.exit(0);
}, 500);
`;

export const ROUTING: CodeExample = {
  id: 'routing',
  programs: [
    { id: 'receive_errors', name: 'receive_logs_direct.js', source: receive, args: 'error' },
    { id: 'receive_all', name: 'receive_logs_direct.js', source: receive, args: 'info warning error' },
    { id: 'emit', name: 'emit_log_direct.js', source: emit, args: '' },
  ],
};
