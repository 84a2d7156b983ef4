#!/usr/bin/env node
// Tutorial 1 ("Hello World!"), the producer: one message to the queue "hello", then exit.
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const queue = 'hello';
  const text = 'Hello World!';
  await channel.assertQueue(queue, { durable: false });
  channel.sendToQueue(queue, Buffer.from(text));
  console.log(" [x] Sent '%s'", text);
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
