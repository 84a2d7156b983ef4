import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const confirmed = b.producer('confirmed', [0, 0], { rate: 1, confirm: true, properties: { persistent: true, headers: {} }, body: 'order {n}' });
const blind = b.producer('fire-and-forget', [0, 1], { rate: 1, properties: { persistent: true, headers: {} }, body: 'order {n}' });
const x = b.exchange('orders', 'direct', [1, 0.5]);
const q = b.queue('orders', [2, 0.5], { 'x-max-length': 5, 'x-overflow': 'reject-publish' });
const c = b.consumer('order-service', [3, 0.5], { prefetch: 1, processing: { dist: 'fixed', ms: 700 } });
b.publish(confirmed, x);
b.publish(blind, x);
b.bind(x, q, '');
b.consume(q, c);
b.expect(
  ['Did the broker get it?', 'broker 收到了吗？'],
  [
    'Both producers send orders. "confirmed" uses a confirm channel: for each message the broker answers ack once the queue has taken it. Press Play (▶ below, or Space) and watch the acks come back.',
    '两个生产者都在发订单。"confirmed" 用的是确认模式：队列收下每条消息后，broker 都会回一个 ack。点击下方的“播放”（或按空格键），看 ack 一个个回来。',
  ],
  confirmed,
  'confirmed',
  3,
);
b.step(
  ['Fill the queue', '把队列塞满'],
  [
    'Stop order-service: hover it and click ❚❚ Pause consumer in the bar above it. The orders queue holds at most 5 messages and rejects new ones (x-overflow reject-publish).',
    '停掉 order-service：把鼠标移到 它 上，点它上方小工具条里的“❚❚ 暂停消费者”。orders 队列最多存 5 条消息，满了就拒收新消息（x-overflow reject-publish）。',
  ],
);
b.expect(
  ['A nack is news', 'nack 也是消息'],
  [
    'Now "confirmed" receives nacks and knows exactly which orders to send again. "fire-and-forget" loses the same orders and never finds out.',
    '现在 "confirmed" 收到了 nack，清楚地知道哪些订单要重发。"fire-and-forget" 丢了同样多的订单，却毫不知情。',
  ],
  confirmed,
  'nacked',
  1,
);
b.step(
  ['Reliable end to end', '端到端的可靠'],
  [
    'Confirms cover producer to broker; persistent messages in a durable queue cover restarts; manual acks cover broker to consumer. Start order-service again (▶ Resume consumer, in the same bar) and watch the queue drain.',
    '确认机制保证生产者到 broker 这一段；持久化消息加持久化队列扛住重启；手动 ack 保证 broker 到消费者这一段。重新启动 order-service（同一个工具条里的“▶ 恢复消费者”），看队列慢慢清空。',
  ],
);

export const publisherConfirms: Preset = {
  id: 'publisher-confirms',
  title: { en: 'Publisher confirms', zh: '发布确认' },
  summary: { en: 'Acks and nacks tell a producer what the broker accepted.', zh: 'ack 和 nack 告诉生产者 broker 收下了什么。' },
  doc: b.done({
    title: ['Publisher confirms', '发布确认'],
    description: [
      'A confirming producer beside a fire-and-forget one, into a queue that rejects when full.',
      '一个开启确认的生产者和一个发完不管的生产者，发往一个满了就拒收的队列。',
    ],
  }),
  zh: b.zh(),
};
