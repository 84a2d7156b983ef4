import { builder } from './build';
import type { Preset } from './types';

const slow = { dist: 'fixed', ms: 2000 } as const;
const fast = { dist: 'fixed', ms: 300 } as const;

const b = builder();
const p1 = b.producer('tasks-rr', [0, 0.5], { rate: 1.5, body: 'task {n}' });
const q1 = b.queue('round_robin', [1.5, 0.5]);
const slow1 = b.consumer('slow (prefetch 0)', [3, 0], { prefetch: 0, processing: slow });
const fast1 = b.consumer('fast (prefetch 0)', [3, 1], { prefetch: 0, processing: fast });
const p2 = b.producer('tasks-fair', [0, 2.5], { rate: 1.5, body: 'task {n}' });
const q2 = b.queue('fair', [1.5, 2.5]);
const slow2 = b.consumer('slow (prefetch 1)', [3, 2], { prefetch: 1, processing: slow });
const fast2 = b.consumer('fast (prefetch 1)', [3, 3], { prefetch: 1, processing: fast });
b.publish(p1, q1);
b.consume(q1, slow1);
b.consume(q1, fast1);
b.publish(p2, q2);
b.consume(q2, slow2);
b.consume(q2, fast2);
b.step(
  ['Two lanes, same workers', '两条线，同样的工人'],
  [
    'Both lanes get the same tasks and have one slow worker (2 s a task) and one fast worker (0.3 s). Only the prefetch differs. Press Play (▶ below, or Space).',
    '两条线收到同样的任务，各有一个慢工人（每个任务 2 秒）和一个快工人（0.3 秒），唯一的区别是 prefetch。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['Round-robin is blind', '轮询不看忙闲'],
  [
    'In the top lane, prefetch 0 means "no limit": the queue pushes every other task to the slow worker, which piles up unacked messages while the fast one sits idle.',
    '上面这条线 prefetch 为 0，表示不限量：队列照样隔一个给慢工人一个，慢工人手里的未确认消息越堆越多，快工人却在闲着。',
  ],
);
b.expect(
  ['Fair dispatch', '公平分发'],
  [
    'In the bottom lane, prefetch 1 means "one unacked task at a time": a worker gets the next task only after acking the last. Watch the fast worker take most of them.',
    '下面这条线 prefetch 为 1，表示同一时间只拿一个未确认的任务：确认了上一个才能拿下一个。看，快工人拿走了大部分任务。',
  ],
  fast2,
  'acked',
  10,
);
b.step(
  ['Try other prefetch values', '试试别的 prefetch'],
  [
    'Click the slow worker of the bottom lane and, in the inspector on the right, set Prefetch to 5, then to 0 (the run restarts by itself). The larger it is, the more the lane behaves like round-robin.',
    '点选下面那条线的慢工人，在右侧检查器里把“预取数量（prefetch）”改成 5，再改成 0（运行会自动重新开始）。数值越大，这条线就越像轮询。',
  ],
);

export const fairDispatch: Preset = {
  id: 'fair-dispatch',
  title: { en: 'Fair dispatch (prefetch)', zh: '公平分发（prefetch）' },
  summary: { en: 'Round-robin beside prefetch 1: a slow and a fast worker.', zh: '轮询与 prefetch 1 并排对比：一慢一快两个工人。' },
  doc: b.done({
    title: ['Fair dispatch', '公平分发（prefetch）'],
    description: [
      'Round-robin (prefetch 0) beside fair dispatch (prefetch 1).',
      '轮询分发（prefetch 0）与公平分发（prefetch 1）并排对比。',
    ],
  }),
  zh: b.zh(),
};
