#!/usr/bin/env node
// Tutorial 6 (RPC), the client, in amqplib's callback API: asks for fib(n) and waits for the answer
// on Direct Reply-to (amq.rabbitmq.reply-to), matching it by correlationId.
const amqp = require('amqplib/callback_api');

const url = process.env.AMQP_URL || 'amqp://localhost';
const REPLY_TO = 'amq.rabbitmq.reply-to';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.log('Usage: rpc_client.cjs num');
  process.exit(1);
}

function correlationId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

amqp.connect(url, (err, connection) => {
  if (err) throw err;
  connection.createChannel((err1, channel) => {
    if (err1) throw err1;
    const id = correlationId();
    const n = parseInt(args[0], 10);
    channel.consume(REPLY_TO, (msg) => {
      if (msg.properties.correlationId !== id) return;
      console.log(' [.] Got %s', msg.content.toString());
      setTimeout(() => {
        connection.close();
        process.exit(0);
      }, 500);
    }, { noAck: true }, (err2) => {
      if (err2) throw err2;
      console.log(' [x] Requesting fib(%d)', n);
      channel.sendToQueue('rpc_queue', Buffer.from(String(n)), { correlationId: id, replyTo: REPLY_TO });
    });
  });
});
