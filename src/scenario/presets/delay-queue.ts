import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p1 = b.producer('schedule in 2s', [0, 0], { rate: 2, body: 'reminder {n}' });
const p2 = b.producer('schedule in 1s', [0, 1], { rate: 0.5, body: 'urgent {n}', properties: { persistent: false, headers: {}, expiration: 1000 } });
const wait = b.queue('delay.2s', [1.5, 0.5], { 'x-message-ttl': 2000, 'x-dead-letter-exchange': 'due' });
const due = b.exchange('due', 'fanout', [2.5, 0.5]);
const q = b.queue('due.tasks', [3.5, 0.5]);
const c = b.consumer('executor', [4.5, 0.5], { processing: { dist: 'fixed', ms: 200 } });
b.publish(p1, wait);
b.publish(p2, wait);
b.bind(due, q);
b.consume(q, c);
b.expect(
  ['A queue nobody reads', '一个没人读的队列'],
  [
    'delay.2s has no consumer. Messages wait there until their 2-second TTL runs out, then dead-letter to the "due" exchange and reach the executor: a delay queue.',
    'delay.2s 没有消费者。消息在里面一直等到 2 秒的 TTL 用完，然后作为死信进入 "due" 交换机，再到达执行者：这就是延迟队列。',
  ],
  c,
  'delivered',
  2,
);
b.step(
  ['A shorter delay, in the same queue', '同一个队列里更短的延迟'],
  [
    '"schedule in 1s" sets a per-message expiration of 1 s. Watch when its messages come out: not after 1 s, because a message expires only when it reaches the head of the queue.',
    '"schedule in 1s" 给每条消息设置 1 秒的 expiration。看看它们什么时候出来：并不是 1 秒后，因为消息只有排到队头时才会过期。',
  ],
);
b.step(
  ['One queue per delay', '一种延迟一个队列'],
  [
    'The fix is a separate waiting queue for each delay. Drag a Queue from the palette onto the canvas, name it delay.1s and, in the inspector, set Message TTL to 1000 and its dead-letter exchange to due; then select the publish edge of the urgent producer, press Delete, and connect that producer to delay.1s instead.',
    '办法是每种延迟用一个单独的等待队列。从左侧面板拖一个“队列”到画布上，命名为 delay.1s，在检查器里把“消息 TTL”设为 1000、死信交换机设为 due；然后选中 urgent 生产者的发布连线，按 Delete 删掉，再把这个生产者连到 delay.1s。',
  ],
);

export const delayQueue: Preset = {
  id: 'delay-queue',
  title: { en: 'Delay queue (TTL + DLX)', zh: '延迟队列（TTL + 死信）' },
  summary: { en: 'Messages wait out a TTL in a queue with no consumer, then dead-letter onward.', zh: '消息在没有消费者的队列里等 TTL 到期，再作为死信转出。' },
  doc: b.done({
    title: ['Delay queue', '延迟队列（TTL + 死信）'],
    description: [
      'A TTL queue with no consumer, dead-lettering to the real work queue.',
      '一个没有消费者的 TTL 队列，消息到期后作为死信转到真正的工作队列。',
    ],
  }),
  zh: b.zh(),
};
