/** RabbitMQ tutorial 6, "RPC", over Direct Reply-to: the client asks for fib(n), the server answers to amq.rabbitmq.reply-to. */
import type { CodeExample } from './types';

const server = `const amqp = require('amqplib');

const queue = 'rpc_queue';

function fibonacci(n) {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
await channel.prefetch(1);
console.log(' [x] Awaiting RPC requests');

await channel.consume(queue, (msg) => {
  const n = parseInt(msg.content.toString(), 10);
  console.log(' [.] fib(%d)', n);
  const result = fibonacci(n);
  // The reply goes to whatever the request named: here, the client's Direct Reply-to.
  channel.sendToQueue(msg.properties.replyTo, Buffer.from(String(result)), {
    correlationId: msg.properties.correlationId,
  });
  channel.ack(msg);
});
`;

const client = `const amqp = require('amqplib');

const REPLY_TO = 'amq.rabbitmq.reply-to';
const n = parseInt(process.argv[2] ?? '10', 10);
const correlationId = String(Math.random()).slice(2);

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
// Direct Reply-to: consume the pseudo-queue (noAck) before sending the request.
await channel.consume(REPLY_TO, (msg) => {
  if (msg.properties.correlationId !== correlationId) return;
  console.log(' [.] Got %s', msg.content.toString());
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}, { noAck: true });

console.log(' [x] Requesting fib(%d)', n);
channel.sendToQueue('rpc_queue', Buffer.from(String(n)), { correlationId, replyTo: REPLY_TO });
`;

export const RPC: CodeExample = {
  id: 'rpc',
  programs: [
    { id: 'rpc_server', name: 'rpc_server.js', source: server, args: '' },
    { id: 'rpc_client', name: 'rpc_client.js', source: client, args: '10' },
  ],
};
