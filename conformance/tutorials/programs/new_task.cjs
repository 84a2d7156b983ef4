#!/usr/bin/env node
// Tutorial 2 (work queues), the producer: the task from the command line goes to the durable
// "task_queue" as a persistent message.
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const queue = 'task_queue';
  const task = process.argv.slice(2).join(' ') || 'Hello World!';
  await channel.assertQueue(queue, { durable: true });
  channel.sendToQueue(queue, Buffer.from(task), { persistent: true });
  console.log(" [x] Sent '%s'", task);
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
