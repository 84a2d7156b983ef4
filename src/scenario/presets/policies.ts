import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('orders-app', [0, 0.5], { rate: 5, routingKey: { mode: 'fixed', key: 'created' }, body: 'order {n}' });
const x = b.exchange('orders', 'direct', [1, 0.5]);
const q = b.queue('orders.created', [2, 0], { 'x-message-ttl': 20000 });
const audit = b.queue('audit', [2, 1]);
const dlx = b.exchange('orders.dlx', 'fanout', [3, 0]);
const dead = b.queue('dead-letters', [4, 0]);
b.publish(p, x);
b.bind(x, q, 'created');
b.bind(x, audit, 'created');
b.bind(dlx, dead);
b.broker({
  policies: [
    {
      name: 'orders-limits',
      vhost: '/',
      pattern: '^orders\\.',
      applyTo: 'queues',
      priority: 0,
      definition: { 'message-ttl': 5000, 'max-length': 10, 'dead-letter-exchange': 'orders.dlx' },
    },
  ],
});
b.step(
  ['Settings from outside', '从外面加的设置'],
  [
    'A policy sets queue options from the broker side, for every queue whose name matches a pattern. Here "orders-limits" matches "^orders\\." and adds a TTL, a max-length and a dead-letter exchange. See the letters on orders.created: the dashed ones come from the policy; audit does not match.',
    '策略（policy）从 broker 这一侧给名字匹配某个模式的所有队列加上设置。这里 "orders-limits" 匹配 "^orders\\."，加上了 TTL、最大长度和死信交换机。看 orders.created 上的标记：虚线框的来自策略；audit 不匹配。',
  ],
);
b.step(
  ['Who wins?', '谁说了算？'],
  [
    'orders.created also has its own x-message-ttl of 20 s. Click it: the inspector’s effective arguments show that for TTL and max-length the lower value wins, so the effective TTL is 5 s. For a dead-letter exchange the queue\'s own argument would win.',
    'orders.created 自己也有 x-message-ttl = 20 秒。点选它：检查器里“实际生效的参数”显示，TTL 和最大长度取较小的值，所以实际 TTL 是 5 秒。如果是死信交换机，则以队列自己的参数为准。',
  ],
);
b.expect(
  ['Watch them go', '看消息离开'],
  [
    'Press Play (▶ below, or Space). Nobody consumes orders.created: it never holds more than 10 messages, and messages older than 5 s are dead-lettered to dead-letters. audit keeps everything.',
    '点击下方的“播放”（或按空格键）。没有人消费 orders.created：它最多只有 10 条消息，超过 5 秒的消息被死信到 dead-letters。audit 则全部留着。',
  ],
  dead,
  'enqueued',
  5,
);

export const policies: Preset = {
  id: 'policies',
  title: { en: 'Policies', zh: '策略（Policy）' },
  summary: { en: 'A policy adds TTL, max-length and a dead-letter exchange to every matching queue.', zh: '一条策略给所有匹配的队列加上 TTL、最大长度和死信交换机。' },
  doc: b.done({
    title: ['Policies', '策略（Policy）'],
    description: [
      'A policy matching ^orders\\. adds message-ttl, max-length and dead-letter-exchange; the lower TTL wins.',
      '匹配 ^orders\\. 的策略加上 message-ttl、max-length 和 dead-letter-exchange；两个 TTL 取较小的。',
    ],
  }),
  zh: b.zh(),
};
