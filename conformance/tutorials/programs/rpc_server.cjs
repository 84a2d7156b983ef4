#!/usr/bin/env node
// Tutorial 6 (RPC), the server, in amqplib's callback API: answers fib(n) requests from "rpc_queue"
// to each request's replyTo, with its correlationId, one request at a time.
const amqp = require('amqplib/callback_api');

const url = process.env.AMQP_URL || 'amqp://localhost';

function fibonacci(n) {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

amqp.connect(url, (err, connection) => {
  if (err) throw err;
  connection.createChannel((err1, channel) => {
    if (err1) throw err1;
    const queue = 'rpc_queue';
    channel.assertQueue(queue, { durable: false });
    channel.prefetch(1);
    console.log(' [x] Awaiting RPC requests');
    channel.consume(queue, (msg) => {
      const n = parseInt(msg.content.toString(), 10);
      console.log(' [.] fib(%d)', n);
      const result = fibonacci(n);
      channel.sendToQueue(msg.properties.replyTo, Buffer.from(String(result)), {
        correlationId: msg.properties.correlationId,
      });
      channel.ack(msg);
    });
  });
});
