import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('new_task', [0, 0.5], { rate: 2, body: 'task {n}' });
const q = b.queue('task_queue', [1.5, 0.5]);
const c1 = b.consumer('C1', [3, 0], { processing: { dist: 'fixed', ms: 800 } });
const c2 = b.consumer('C2', [3, 1], { processing: { dist: 'fixed', ms: 800 } });
b.publish(p, q);
b.consume(q, c1);
b.consume(q, c2);
b.step(
  ['Two workers share one queue', '两个工人共用一个队列'],
  [
    'Press Play (▶ below, or Space). Tasks go to one queue, and the queue hands them to C1 and C2 in turn: one, the other, one, the other.',
    '点击下方的“播放”（或按空格键）。任务都进同一个队列，队列轮流把它们交给 C1 和 C2：你一个、我一个。',
  ],
);
b.expect(
  ['Count the deliveries', '数一数投递次数'],
  [
    'Let it run until C1 has received 6 tasks. C2 has received about as many: round-robin splits the work evenly, by count.',
    '让它运行到 C1 收到 6 个任务。C2 收到的差不多一样多：轮询按条数平均分配。',
  ],
  c1,
  'delivered',
  6,
);
b.step(
  ['Stop C2', '停掉 C2'],
  [
    'Stop consumer C2 (hover C2 and click ❚❚ Pause consumer in the bar above it) and watch task_queue grow: new tasks arrive twice a second, and C1 alone finishes fewer than that.',
    '停掉消费者 C2（把鼠标移到 C2 上，点它上方小工具条里的“❚❚ 暂停消费者”），看 task_queue 慢慢变长：每秒来两个任务，C1 一个人处理不过来。',
  ],
);
b.step(
  ['Add a worker', '加一个工人'],
  [
    'Start C2 again (▶ Resume consumer, in the same bar), or drag a Consumer from the palette on the left onto the canvas and drag from the queue’s right handle to it. More workers drain the backlog faster; that is how work queues scale.',
    '重新启动 C2（同一个工具条里的“▶ 恢复消费者”），或者从左侧面板拖一个“消费者”到画布上，再从队列右侧的连接点拖线连到它。工人越多，积压清得越快，工作队列就是这样扩容的。',
  ],
);

export const workQueues: Preset = {
  id: 'work-queues',
  title: { en: 'Work queues (round-robin)', zh: '工作队列（轮询）' },
  summary: { en: 'One queue, two consumers: tasks are dealt out in turn.', zh: '一个队列、两个消费者：任务轮流分发。' },
  doc: b.done({
    title: ['Work queues', '工作队列（轮询）'],
    description: [
      'Round-robin dispatch of tasks to two workers.',
      '把任务轮流分发给两个工人。',
    ],
  }),
  zh: b.zh(),
};
