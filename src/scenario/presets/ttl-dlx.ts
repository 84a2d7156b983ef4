import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('jobs', [0, 0], { rate: 1, routingKey: { mode: 'fixed', key: 'task' }, body: 'job {n}' });
const work = b.exchange('work', 'direct', [1, 0]);
const q = b.queue('work', [2, 0], { 'x-dead-letter-exchange': 'retry' });
const c = b.consumer('worker', [3, 0], { prefetch: 1, processing: { dist: 'fixed', ms: 500 }, failure: { action: 'reject', probability: 0.3 } });
const retry = b.exchange('retry', 'fanout', [2, 1.3]);
const wait = b.queue('work.retry-3s', [1, 1.3], { 'x-message-ttl': 3000, 'x-dead-letter-exchange': 'work' });
b.publish(p, work);
b.bind(work, q, 'task');
b.consume(q, c);
b.bind(retry, wait);
b.step(
  ['A retry loop without code', '不写代码的重试循环'],
  [
    'The worker rejects about 3 jobs in 10. A rejected message is not lost: the work queue dead-letters it to the "retry" exchange. Press Play (▶ below, or Space).',
    '工人大约每 10 个任务拒绝 3 个。被拒绝的消息不会丢：work 队列把它作为死信转给 "retry" 交换机。点击下方的“播放”（或按空格键）。',
  ],
);
b.expect(
  ['Wait, then try again', '等一等，再试一次'],
  [
    'Rejected jobs sit in work.retry-3s for 3 seconds (x-message-ttl). When they expire, that queue dead-letters them to "work" with their original key, and they come back.',
    '被拒绝的任务在 work.retry-3s 里待 3 秒（x-message-ttl）。到期后，这个队列又把它们作为死信发回 "work"，路由键不变，于是任务又回来了。',
  ],
  wait,
  'dead-lettered',
  2,
);
b.step(
  ['Count the attempts', '数一数尝试次数'],
  [
    'In the event log below, click a row where work.retry-3s dead-letters a message back (or click an envelope on its way back): the message inspector opens, and its x-death header counts how often it was rejected and expired. A real worker reads that count and gives up after a few tries.',
    '在下方的事件日志里，点一行 work.retry-3s 把消息作为死信送回的记录（或点一个正在回来的信封）：消息检查器打开，它的 x-death 头记录了被拒绝和过期的次数。真实的工人会读这个次数，试几次后就放弃。',
  ],
);
b.step(
  ['Make it worse', '让情况更糟'],
  [
    'Click the worker and, in the inspector on the right, set Failure probability to 1. Every job now circles forever, every 3 seconds. That is why retry loops need a limit.',
    '点选 worker，在右侧检查器里把“失败概率”调到 1。每个任务都会每 3 秒转一圈，永远转下去。所以重试循环一定要有上限。',
  ],
);

export const ttlDlx: Preset = {
  id: 'ttl-dlx',
  title: { en: 'Retry with TTL and dead-lettering', zh: 'TTL 加死信实现重试' },
  summary: { en: 'Rejected jobs wait in a TTL queue, then dead-letter back to work.', zh: '被拒绝的任务在 TTL 队列里等待，再作为死信回到工作队列。' },
  doc: b.done({
    title: ['Retry with TTL + DLX', 'TTL 加死信实现重试'],
    description: [
      'A work queue that dead-letters rejects to a retry queue whose TTL sends them back.',
      '工作队列把被拒绝的消息作为死信转给重试队列，重试队列的 TTL 到期后再把它们送回来。',
    ],
    // A seed whose first job is rejected: the loop shows within 3 s of Play (seed 1 waited 10 s; each agent draws from its own stream).
    seed: 7,
  }),
  zh: b.zh(),
};
