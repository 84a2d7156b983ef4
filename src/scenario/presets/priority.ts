import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const low = b.producer('low (priority 1)', [0, 0], { rate: 3, body: 'low {n}', properties: { persistent: false, headers: {}, priority: 1 } });
const high = b.producer('high (priority 9)', [0, 1], { rate: 0.5, body: 'high {n}', properties: { persistent: false, headers: {}, priority: 9 } });
const q = b.queue('jobs', [1.5, 0.5], { 'x-max-priority': 10 });
const c = b.consumer('slow worker', [3, 0.5], { prefetch: 1, processing: { dist: 'fixed', ms: 700 } });
b.publish(low, q);
b.publish(high, q);
b.consume(q, c);
b.step(
  ['A queue that sorts', '会排序的队列'],
  [
    'jobs is declared with x-max-priority 10, so it delivers higher-priority messages first. The worker is slower than the producers, so a backlog builds. Press Play (▶ below, or Space).',
    'jobs 队列声明了 x-max-priority 10，所以优先级高的消息先投递。工人比生产者慢，队列里会积压。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['High jumps the line', '高优先级插队'],
  [
    'Watch the worker: high messages are served as soon as they arrive, while low ones wait behind them, even those that came earlier.',
    '看工人：high 消息一到就被处理，low 消息排在它们后面，哪怕来得更早。',
  ],
);
b.step(
  ['Prefetch matters', 'prefetch 很关键'],
  [
    'Click the worker and, in the inspector on the right, set Prefetch to 0; the run restarts by itself. Now every message is pushed to the worker at once, and priority has nothing left to sort.',
    '点选工人，在右侧检查器里把“预取数量（prefetch）”改成 0；运行会自动重新开始。现在所有消息一到就被推给工人，队列里空空的，优先级也就无从排起。',
  ],
);
b.step(
  ['No priority, no sorting', '没有优先级就不排序'],
  [
    'Click jobs and clear Max priority in the inspector (the run restarts): a plain queue is first in, first out, whatever priority the messages carry.',
    '点选 jobs，在检查器里清空“最大优先级”（运行会重新开始）：普通队列就是先进先出，不管消息带什么优先级。',
  ],
);

export const priority: Preset = {
  id: 'priority',
  title: { en: 'Priority queue', zh: '优先级队列' },
  summary: { en: 'x-max-priority lets urgent messages overtake a backlog.', zh: 'x-max-priority 让紧急消息越过积压。' },
  doc: b.done({
    title: ['Priority queue', '优先级队列'],
    description: [
      'Low and high priority producers into a priority queue with a slow consumer.',
      '低优先级和高优先级的生产者发到同一个优先级队列，消费者处理得慢。',
    ],
  }),
  zh: b.zh(),
};
