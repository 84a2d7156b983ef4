import { builder } from './build';
import type { Preset } from './types';

const R = ['r1@localhost', 'r2@localhost', 'r3@localhost'];
const b = builder();
b.broker({ nodes: R, policies: [{ name: 'ha-all', vhost: '/', pattern: '^ha\\.', applyTo: 'queues', priority: 0, definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic' } }] });
const on = { user: 'guest', password: 'guest', vhost: '/', node: R[2] };
const p = b.producer('jobs', [0, 0], { rate: 4, body: 'job {n}', connection: on });
const q = b.queue('ha.jobs', [1.3, 0], {}, { node: R[1] });
const c = b.consumer('worker', [2.6, 0], { prefetch: 1, processing: { dist: 'fixed', ms: 600 }, connection: on });
b.publish(p, q);
b.consume(q, c);
b.at(2500, { type: 'stop-node', node: 'r2' });
b.step(
  ['A mirrored classic queue', '镜像经典队列'],
  [
    'The policy ha-all (ha-mode all) mirrors ha.jobs: master on r2, mirrors on r1 and r3, kept in sync. Messages pile up faster than the worker takes them. Press Play (▶ below, or Space).',
    '策略 ha-all（ha-mode all）镜像 ha.jobs：主节点在 r2，r1 和 r3 上是同步的镜像。消息堆积得比 worker 处理得快。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['The master stops at 2.5 s', '第 2.5 秒主节点停止'],
  [
    'A synchronised mirror on r1 is promoted to master. Nothing is lost, but every message in the queue is now marked redelivered: watch the log.',
    'r1 上的同步镜像被提升为主节点。消息不丢，但队列里的每条消息都被标记为重投：看事件日志。',
  ],
);
b.step(
  ['Tell the consumer', '通知消费者'],
  [
    'A consumer that asks for x-cancel-on-ha-failover (an argument of basic.consume, set in client code) is cancelled at failover and can resubscribe knowing it may see duplicates. Mirroring is deprecated since 3.9: use quorum queues.',
    '如果消费者在 basic.consume 时带上 x-cancel-on-ha-failover 参数（在客户端代码里设置），故障转移时它会被取消，重新订阅时就知道可能收到重复消息。镜像队列自 3.9 起已弃用：请用仲裁队列。',
  ],
);

export const mirroredFailover: Preset = {
  id: 'mirrored-failover',
  title: { en: 'Mirrored queue failover', zh: '镜像队列故障转移' },
  summary: { en: 'ha-mode all: the master stops, a mirror is promoted, messages come back redelivered.', zh: 'ha-mode all：主节点停止，镜像被提升，消息带着重投标记回来。' },
  doc: b.done({
    title: ['Mirrored failover', '镜像队列故障转移'],
    description: [
      'A classic queue mirrored to all three nodes by a policy; its master r2 stops at 2.5 s.',
      '一个经典队列被策略镜像到全部三个节点；它的主节点 r2 在第 2.5 秒停止。',
    ],
  }),
  zh: b.zh(),
};
