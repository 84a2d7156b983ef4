import { builder } from './build';
import type { Preset } from './types';

const b = builder();
// One request a second, answered in under a second: the first reply is back within 3 s of Play.
const client = b.producer('rpc-client', [0, 0], {
  rate: 1,
  body: 'fib({n})',
  // Direct Reply-to: the client consumes RabbitMQ's pseudo-queue on its own channel; no reply queue exists
  properties: { persistent: false, headers: {}, replyTo: 'amq.rabbitmq.reply-to', correlationId: 'req-{n}' },
});
const requests = b.queue('rpc_queue', [1.5, 0]);
const server = b.consumer('rpc-server', [3, 0], { prefetch: 1, rpcServer: true, processing: { dist: 'uniform', min: 300, max: 900 } });
b.note(
  [
    'Replies use Direct Reply-to: the client consumes amq.rabbitmq.reply-to, and each teal reply flies from the server straight back to it.',
    '回复走 Direct Reply-to：客户端消费 amq.rabbitmq.reply-to，每条青色的回复从服务端直接飞回客户端。',
  ],
  [1.5, 1.2],
);
b.publish(client, requests);
b.consume(requests, server);
b.step(
  ['A request that expects an answer', '一个要等回复的请求'],
  [
    'The client first consumes from amq.rabbitmq.reply-to (RabbitMQ\'s Direct Reply-to pseudo-queue, no-ack), then publishes each request to rpc_queue with two properties: reply_to (where to answer; RabbitMQ rewrites it to a name for this channel) and correlation_id (which request this is). Press Play (▶ below, or Space).',
    '客户端先消费 amq.rabbitmq.reply-to（RabbitMQ 的 Direct Reply-to 伪队列，自动确认），再把每个请求发到 rpc_queue，并带上两个属性：reply_to（回复发到哪里；RabbitMQ 会把它改写成指向这个信道的名字）和 correlation_id（这是哪个请求）。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['The server answers', '服务端作答'],
  [
    'The RPC server takes one request at a time (prefetch 1), works on it, and publishes the answer to the default exchange with reply_to as routing key and the same correlation_id. No queue holds the reply: RabbitMQ hands it straight to the client\'s channel (the teal envelope).',
    'RPC 服务端一次只取一个请求（prefetch 1），处理完后把结果发到默认交换机，路由键就是 reply_to，并带上相同的 correlation_id。回复不经过任何队列：RabbitMQ 直接把它交给客户端的信道（青色的信封）。',
  ],
);
b.expect(
  ['Match replies to requests', '把回复和请求对上'],
  [
    'Click a teal reply on its way back (an envelope, or its row in the event log below) to open it in the message inspector, and compare its correlation_id with the request it answers. That id is how a client with many requests in flight knows which answer is which.',
    '点一条正在飞回的青色回复（画布上的信封，或下方事件日志里它的那一行），在消息检查器里打开它，对比它的 correlation_id 和对应的请求。客户端同时有很多请求在途时，就靠这个 id 分辨哪个回复属于哪个请求。',
  ],
  server,
  'acked',
  3,
);
b.step(
  ['Stop the server', '停掉服务端'],
  [
    'Stop rpc-server (hover rpc-server and click ❚❚ Pause consumer in the bar above it): requests wait in rpc_queue and no replies come. A real client would give up after a timeout.',
    '停掉 rpc-server（把鼠标移到 rpc-server 上，点它上方小工具条里的“❚❚ 暂停消费者”）：请求在 rpc_queue 里等待，回复一条也不来。真实的客户端会在超时后放弃。',
  ],
);

export const rpc: Preset = {
  id: 'rpc',
  title: { en: 'RPC (Direct Reply-to, correlation id)', zh: 'RPC（Direct Reply-to 与 correlation id）' },
  summary: { en: 'Requests over a queue, replies over Direct Reply-to.', zh: '请求走队列，回复走 Direct Reply-to。' },
  doc: b.done({
    title: ['RPC', 'RPC（Direct Reply-to 与 correlation id）'],
    description: [
      'A client sends requests with reply-to amq.rabbitmq.reply-to and a correlation id; a server answers straight back to it.',
      '客户端以 amq.rabbitmq.reply-to 作为 reply-to、带上 correlation id 发请求，服务端直接把回复发回给它。',
    ],
  }),
  zh: b.zh(),
};
