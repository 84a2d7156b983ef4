/** RabbitMQ tutorial 3, "Publish/Subscribe": a fanout exchange copies every log to each subscriber's own queue. */
import type { CodeExample } from './types';

const receiveLogs = `const amqp = require('amqplib');

const exchange = 'logs';
const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'fanout', { durable: false });
// A fresh, exclusive queue with a name the server picks.
const { queue } = await channel.assertQueue('', { exclusive: true });
await channel.bindQueue(queue, exchange, '');
console.log(' [*] Waiting for logs');

await channel.consume(queue, (msg) => {
  console.log(' [x] %s', msg.content.toString());
}, { noAck: true });
`;

const emitLog = `import amqp from 'amqplib';

const exchange = 'logs';
const text = process.argv.slice(2).join(' ') || 'info: Hello World!';

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'fanout', { durable: false });
channel.publish(exchange, '', Buffer.from(text));
console.log(' [x] Sent %s', text);
setTimeout(() => {
  connection.close();
  process.exit(0);
}, 500);
`;

export const PUBLISH_SUBSCRIBE: CodeExample = {
  id: 'publish-subscribe',
  programs: [
    { id: 'receive_logs1', name: 'receive_logs.js', source: receiveLogs, args: '' },
    { id: 'receive_logs2', name: 'receive_logs.js', source: receiveLogs, args: '' },
    { id: 'emit_log', name: 'emit_log.js', source: emitLog, args: 'info: Hello World!' },
  ],
};
