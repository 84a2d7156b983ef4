/** RabbitMQ tutorial 2, "Work queues": tasks shared between two workers, fair dispatch with prefetch 1 and manual acks. */
import type { CodeExample } from './types';

const worker = `const amqp = require('amqplib');

const queue = 'task_queue';
const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: true });
// Fair dispatch: no new task until this one is acked.
await channel.prefetch(1);
console.log(' [*] Waiting for tasks');

await channel.consume(queue, (msg) => {
  const task = msg.content.toString();
  const seconds = task.split('.').length - 1;
  console.log(' [x] Received %s', task);
  // Each dot is a second of work.
  setTimeout(() => {
    console.log(' [x] Done');
    channel.ack(msg);
  }, seconds * 1000);
}, { noAck: false });
`;

const newTask = `const amqp = require('amqplib');

const queue = 'task_queue';
const tasks = process.argv.slice(2);

const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: true });
for (const task of tasks) {
  channel.sendToQueue(queue, Buffer.from(task), { persistent: true });
  console.log(" [x] Sent '%s'", task);
}
setTimeout(() => {
  connection.close();
  process.exit(0);
}, 500);
`;

export const WORK_QUEUES: CodeExample = {
  id: 'work-queues',
  programs: [
    { id: 'worker1', name: 'worker.js', source: worker, args: '' },
    { id: 'worker2', name: 'worker.js', source: worker, args: '' },
    { id: 'new_task', name: 'new_task.js', source: newTask, args: 'First..... Second. Third. Fourth. Fifth.' },
  ],
};
