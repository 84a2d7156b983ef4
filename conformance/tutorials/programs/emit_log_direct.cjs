#!/usr/bin/env node
// Tutorial 4 (routing), the producer: `emit_log_direct.cjs [severity] [message]` to the direct
// exchange "direct_logs", the severity as routing key.
const amqp = require('amqplib');

const url = process.env.AMQP_URL || 'amqp://localhost';

async function main() {
  const args = process.argv.slice(2);
  const severity = args.length > 0 ? args[0] : 'info';
  const text = args.slice(1).join(' ') || 'Hello World!';
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  const exchange = 'direct_logs';
  await channel.assertExchange(exchange, 'direct', { durable: false });
  channel.publish(exchange, severity, Buffer.from(text));
  console.log(" [x] Sent %s: '%s'", severity, text);
  setTimeout(() => {
    connection.close();
    process.exit(0);
  }, 500);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
