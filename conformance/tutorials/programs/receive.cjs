#!/usr/bin/env node
// Tutorial 1 ("Hello World!"), the consumer: prints what arrives on "hello" until stopped.
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const queue = 'hello';
  await channel.assertQueue(queue, { durable: false });
  console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);
  await channel.consume(queue, (msg) => {
    console.log(' [x] Received %s', msg.content.toString());
  }, { noAck: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
