import { builder } from './build';
import type { Preset } from './types';

const b = builder();
// One request a second, answered in under a second: the first reply is back within 3 s of Play.
const client = b.producer('rpc-client', [0, 0], {
  rate: 1,
  body: 'fib({n})',
  properties: { persistent: false, headers: {}, replyTo: 'rpc_replies', correlationId: 'req-{n}' },
});
const requests = b.queue('rpc_queue', [1.5, 0]);
const server = b.consumer('rpc-server', [3, 0], { prefetch: 1, rpcServer: true, processing: { dist: 'uniform', min: 300, max: 900 } });
const replies = b.queue('rpc_replies', [1.5, 1.2], {}, { durable: false });
const clientReplies = b.consumer('rpc-client (replies)', [0, 1.2], { ackMode: 'auto', processing: { dist: 'fixed', ms: 50 } });
b.note(['The server replies through the default exchange, to the queue named in reply_to.', '服务端通过默认交换机回复，发到 reply_to 里写的那个队列。'], [3, 1.2]);
b.publish(client, requests);
b.consume(requests, server);
b.consume(replies, clientReplies);
b.step(
  ['A request that expects an answer', '一个要等回复的请求'],
  [
    'The client publishes each request to rpc_queue with two properties: reply_to (where to answer) and correlation_id (which request this is). Press Play (▶ below, or Space).',
    '客户端把每个请求发到 rpc_queue，并带上两个属性：reply_to（回复发到哪里）和 correlation_id（这是哪个请求）。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['The server answers', '服务端作答'],
  [
    'The RPC server takes one request at a time (prefetch 1), works on it, and publishes the answer to the queue named in reply_to with the same correlation_id. No edge is drawn for that: it goes through the default exchange.',
    'RPC 服务端一次只取一个请求（prefetch 1），处理完后把结果发到 reply_to 指定的队列，并带上相同的 correlation_id。图上没有为此画连线，因为它走的是默认交换机。',
  ],
);
b.expect(
  ['Match replies to requests', '把回复和请求对上'],
  [
    'Click a reply on its way to rpc_replies (an envelope, or its row in the event log below) to open it in the message inspector, and compare its correlation_id with the request it answers. That id is how a client with many requests in flight knows which answer is which.',
    '点一条正发往 rpc_replies 的回复（画布上的信封，或下方事件日志里它的那一行），在消息检查器里打开它，对比它的 correlation_id 和对应的请求。客户端同时有很多请求在途时，就靠这个 id 分辨哪个回复属于哪个请求。',
  ],
  clientReplies,
  'delivered',
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
  title: { en: 'RPC (reply-to, correlation id)', zh: 'RPC（reply-to 与 correlation id）' },
  summary: { en: 'Request and reply over two queues.', zh: '用两个队列实现请求与回复。' },
  doc: b.done({
    title: ['RPC', 'RPC（reply-to 与 correlation id）'],
    description: [
      'A client sends requests with reply-to and correlation id; a server answers.',
      '客户端带着 reply-to 和 correlation id 发请求，服务端回复。',
    ],
  }),
  zh: b.zh(),
};
