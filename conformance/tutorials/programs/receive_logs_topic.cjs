#!/usr/bin/env node
// Tutorial 5 (topics), a subscriber: `receive_logs_topic.cjs <pattern>...` ("#", "kern.*", "*.critical").
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

const patterns = process.argv.slice(2);
if (patterns.length === 0) {
  console.log('Usage: receive_logs_topic.cjs <facility>.<severity>');
  process.exit(1);
}

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'topic_logs';
  await channel.assertExchange(exchange, 'topic', { durable: false });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  console.log(' [*] Waiting for logs. To exit press CTRL+C');
  for (const pattern of patterns) await channel.bindQueue(queue, exchange, pattern);
  await channel.consume(queue, (msg) => {
    console.log(" [x] %s:'%s'", msg.fields.routingKey, msg.content.toString());
  }, { noAck: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
