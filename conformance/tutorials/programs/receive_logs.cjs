#!/usr/bin/env node
// Tutorial 3 (publish/subscribe), a subscriber: its own server-named exclusive queue bound to "logs".
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'logs';
  await channel.assertExchange(exchange, 'fanout', { durable: false });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  console.log(' [*] Waiting for messages in %s. To exit press CTRL+C', queue);
  await channel.bindQueue(queue, exchange, '');
  await channel.consume(queue, (msg) => {
    if (msg) console.log(' [x] %s', msg.content.toString());
  }, { noAck: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
