import { builder } from './build';
import type { Preset } from './types';

const R = ['r1@localhost', 'r2@localhost', 'r3@localhost'];
const b = builder();
b.broker({ nodes: R });
const on = { user: 'guest', password: 'guest', vhost: '/', node: R[0] };
const p = b.producer('shop', [0, 0], { rate: 2, confirm: true, body: 'order {n}', connection: on });
const q = b.queue('orders', [1.3, 0], { 'x-queue-type': 'quorum' }, { node: R[0] });
const c = b.consumer('worker', [2.6, 0], { processing: { dist: 'fixed', ms: 200 }, connection: on });
b.publish(p, q);
b.consume(q, c);
b.at(2500, { type: 'stop-node', node: 'r3' });
b.at(12000, { type: 'stop-node', node: 'r2' });
b.at(20000, { type: 'start-node', node: 'r2' });
b.step(
  ['Three members', '三个成员'],
  [
    'The quorum queue orders has members on r1, r2 and r3, leader r1. The producer waits for publisher confirms. Press Play (▶ below, or Space).',
    '仲裁队列 orders 在 r1、r2、r3 上各有一个成员，leader 是 r1。生产者等待发布确认。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['One node down: still a majority', '停一个节点：仍是多数'],
  ['At 2.5 s r3 stops. Two of three members are a majority: nothing changes.', '第 2.5 秒 r3 停止。三个成员中的两个仍是多数：一切照常。'],
);
b.step(
  ['Two down: the queue waits', '停两个：队列等待'],
  [
    'At 12 s r2 stops too. One of three is no majority: the queue does not fail, it hangs. Publishes stay unconfirmed, the worker gets nothing.',
    '第 12 秒 r2 也停了。三个里只剩一个，不是多数：队列不报错，而是挂起。发布得不到确认，worker 收不到消息。',
  ],
);
b.expect(
  ['A majority returns', '多数恢复'],
  [
    'At 20 s r2 returns: the waiting publishes are confirmed and deliveries resume. Wait for 40 confirms.',
    '第 20 秒 r2 回来：等待中的发布得到确认，投递继续。等到 40 条确认。',
  ],
  p,
  'confirmed',
  40,
);

export const quorumMajority: Preset = {
  id: 'quorum-majority',
  title: { en: 'Quorum queue: majority', zh: '仲裁队列：多数派' },
  summary: { en: 'With one node of three down a quorum queue works; with two it waits.', zh: '三个节点停一个，仲裁队列照常工作；停两个，它就等待。' },
  doc: b.done({
    title: ['Quorum majority', '仲裁队列：多数派'],
    description: [
      'A quorum queue on three nodes; r3 stops at 2.5 s, r2 at 12 s, r2 returns at 20 s.',
      '一个分布在三个节点上的仲裁队列；r3 在第 2.5 秒停止，r2 在第 12 秒停止，r2 在第 20 秒恢复。',
    ],
  }),
  zh: b.zh(),
};
