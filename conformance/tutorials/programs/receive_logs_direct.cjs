#!/usr/bin/env node
// Tutorial 4 (routing), a subscriber: `receive_logs_direct.cjs info warning error` binds its queue
// once per severity given.
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

const severities = process.argv.slice(2);
if (severities.length === 0) {
  console.log('Usage: receive_logs_direct.cjs [info] [warning] [error]');
  process.exit(1);
}

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'direct_logs';
  await channel.assertExchange(exchange, 'direct', { durable: false });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  console.log(' [*] Waiting for logs. To exit press CTRL+C');
  for (const severity of severities) await channel.bindQueue(queue, exchange, severity);
  await channel.consume(queue, (msg) => {
    console.log(" [x] %s: '%s'", msg.fields.routingKey, msg.content.toString());
  }, { noAck: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
