#!/usr/bin/env node
// Tutorial 5 (topics), the producer: `emit_log_topic.cjs <facility.severity> [message]` to the
// topic exchange "topic_logs".
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const args = process.argv.slice(2);
  const key = args.length > 0 ? args[0] : 'anonymous.info';
  const text = args.slice(1).join(' ') || 'Hello World!';
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'topic_logs';
  await channel.assertExchange(exchange, 'topic', { durable: false });
  channel.publish(exchange, key, Buffer.from(text));
  console.log(" [x] Sent %s: '%s'", key, text);
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
