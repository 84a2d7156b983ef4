/** Publisher confirms: the broker acks what it took, and nacks what a full queue with reject-publish refused. */
import type { CodeExample } from './types';

const publisher = `const amqp = require('amqplib');

const queue = 'orders';
const count = parseInt(process.argv[2] ?? '5', 10);

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createConfirmChannel();
// A queue of at most 3 messages that refuses the rest (nobody consumes it here).
await channel.assertQueue(queue, { durable: false, arguments: { 'x-max-length': 3, 'x-overflow': 'reject-publish' } });

let acked = 0;
let nacked = 0;
for (let i = 1; i <= count; i++) {
  channel.sendToQueue(queue, Buffer.from(\`order \${i}\`), {}, (err) => {
    if (err) nacked++;
    else acked++;
    console.log(' [%s] order %d', err ? 'nack' : 'ack', i);
  });
}
await channel.waitForConfirms().catch(() => {});
console.log(' [x] %d confirmed, %d refused', acked, nacked);
await connection.close();
`;

export const PUBLISHER_CONFIRMS: CodeExample = {
  id: 'publisher-confirms',
  programs: [{ id: 'publisher', name: 'publisher.js', source: publisher, args: '5' }],
};
