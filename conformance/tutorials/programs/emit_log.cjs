#!/usr/bin/env node
// Tutorial 3 (publish/subscribe), the producer: one log line to the fanout exchange "logs".
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'logs';
  const line = process.argv.slice(2).join(' ') || 'info: Hello World!';
  await channel.assertExchange(exchange, 'fanout', { durable: false });
  channel.publish(exchange, '', Buffer.from(line));
  console.log(' [x] Sent %s', line);
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
