#!/usr/bin/env node
// Tutorial 2 (work queues), the worker: one task at a time (prefetch 1), a second of work per dot
// in the task, then the ack (the second worker gets the next task meanwhile).
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const queue = 'task_queue';
  await channel.assertQueue(queue, { durable: true });
  await channel.prefetch(1);
  console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);
  await channel.consume(queue, (msg) => {
    const task = msg.content.toString();
    const seconds = task.split('.').length - 1;
    console.log(' [x] Received %s', task);
    setTimeout(() => {
      console.log(' [x] Done');
      channel.ack(msg);
    }, seconds * 1000);
  }, { noAck: false });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
