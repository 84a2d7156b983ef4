/** RabbitMQ tutorial 1, "Hello World!": one program sends a message to a queue, another receives it. */
import type { CodeExample } from './types';

const receive = `const amqp = require('amqplib');

const queue = 'hello';

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });

console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);
await channel.consume(queue, (msg) => {
  console.log(' [x] Received %s', msg.content.toString());
}, { noAck: true });
`;

const send = `const amqp = require('amqplib');

const queue = 'hello';
const text = 'Hello World!';

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });

channel.sendToQueue(queue, Buffer.from(text));
console.log(" [x] Sent '%s'", text);

setTimeout(async () => {
  await connection.close();
  process.exit(0);
}, 500);
`;

export const HELLO_WORLD: CodeExample = {
  id: 'hello-world',
  programs: [
    { id: 'receive', name: 'receive.js', source: receive, args: '' },
    { id: 'send', name: 'send.js', source: send, args: '' },
  ],
};
