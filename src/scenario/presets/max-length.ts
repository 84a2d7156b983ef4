import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('burst', [0, 1], { rate: 2, limit: 10, body: 'msg {n}' });
const x = b.exchange('ingest', 'fanout', [1, 1]);
const dropHead = b.queue('drop-head', [2, 0], { 'x-max-length': 3, 'x-overflow': 'drop-head' });
const reject = b.queue('reject-publish', [2, 1], { 'x-max-length': 3, 'x-overflow': 'reject-publish' });
const rejectDlx = b.queue('reject-publish-dlx', [2, 2], { 'x-max-length': 3, 'x-overflow': 'reject-publish-dlx', 'x-dead-letter-exchange': 'overflow' });
const overflow = b.exchange('overflow', 'fanout', [3, 2]);
const parked = b.queue('overflowed', [4, 2]);
b.publish(p, x);
for (const q of [dropHead, reject, rejectDlx]) b.bind(x, q);
b.bind(overflow, parked);
b.step(
  ['Three full queues', '三个会满的队列'],
  [
    'The producer sends 10 messages; each queue gets a copy but holds at most 3 (x-max-length). Nobody consumes. Press Play (▶ below, or Space) and let all 10 arrive.',
    '生产者发 10 条消息，每个队列都收到一份，但最多只存 3 条（x-max-length），也没有人消费。点击下方的“播放”（或按空格键），等 10 条全部发完。',
  ],
);
b.step(
  ['drop-head keeps the newest', 'drop-head 留下最新的'],
  [
    'drop-head makes room by throwing away the oldest message. Click the drop-head queue: the inspector on the right lists what it holds, messages 8, 9 and 10.',
    'drop-head 靠丢掉最老的消息腾地方。点选 drop-head 队列：右侧检查器列出它保存的消息，是第 8、9、10 条。',
  ],
);
b.step(
  ['reject-publish keeps the oldest', 'reject-publish 留下最早的'],
  [
    'reject-publish refuses new messages instead, so it holds 1, 2 and 3. A producer with confirms would get a nack for each refused one.',
    'reject-publish 则拒收新消息，所以里面是第 1、2、3 条。开了发布确认的生产者会为每条被拒的消息收到 nack。',
  ],
);
b.expect(
  ['reject-publish-dlx keeps the refused ones too', 'reject-publish-dlx 连被拒的也留着'],
  [
    'reject-publish-dlx also keeps 1, 2 and 3, but dead-letters each refused message, so "overflowed" ends up with the other 7.',
    'reject-publish-dlx 同样留下第 1、2、3 条，但会把被拒的消息作为死信转出，所以 "overflowed" 最后收到了其余 7 条。',
  ],
  parked,
  'ready',
  7,
);

export const maxLength: Preset = {
  id: 'max-length',
  title: { en: 'Max length and overflow', zh: '队列长度上限与溢出策略' },
  summary: { en: 'drop-head vs reject-publish vs reject-publish-dlx.', zh: 'drop-head、reject-publish 与 reject-publish-dlx 对比。' },
  doc: b.done({
    title: ['Max length', '队列长度上限与溢出策略'],
    description: [
      'Three queues with x-max-length 3 and different overflow behaviour.',
      '三个 x-max-length 为 3 的队列，各用一种溢出策略。',
    ],
  }),
  zh: b.zh(),
};
