import { builder } from './build';
import type { Preset } from './types';

const R = ['r1@localhost', 'r2@localhost', 'r3@localhost'];
const b = builder();
b.broker({ nodes: R });
const on = (node: string) => ({ user: 'guest', password: 'guest', vhost: '/', node });
const persistent = { persistent: true, headers: {} };
const pc = b.producer('to-classic', [0, 0], { rate: 2, mandatory: true, body: 'c{n}', properties: persistent, connection: on(R[0]) });
const pq = b.producer('to-quorum', [0, 1.8], { rate: 2, body: 'q{n}', properties: persistent, connection: on(R[0]) });
const qc = b.queue('classic', [1.3, 0], {}, { node: R[1] });
const qq = b.queue('quorum', [1.3, 1.8], { 'x-queue-type': 'quorum' }, { node: R[1] });
const cc = b.consumer('reads-classic', [2.6, 0], { processing: { dist: 'fixed', ms: 200 }, connection: on(R[0]) });
const cq = b.consumer('reads-quorum', [2.6, 1.8], { processing: { dist: 'fixed', ms: 200 }, connection: on(R[2]) });
b.publish(pc, qc);
b.publish(pq, qq);
b.consume(qc, cc);
b.consume(qq, cq);
b.at(1400, { type: 'stop-node', node: 'r2' });
b.at(20000, { type: 'start-node', node: 'r2' });
b.step(
  ['Two queues on r2', '两个队列都在 r2 上'],
  [
    'A three-node cluster. Both queues were declared on r2: the classic queue lives there, the quorum queue has its leader (crown) there and members on all three nodes. Press Play (▶ below, or Space).',
    '一个三节点集群。两个队列都在 r2 上声明：经典队列就住在 r2，仲裁队列的 leader（皇冠）在 r2，成员分布在三个节点上。点击下方的“播放”（或按空格键）。',
  ],
);
b.step(
  ['r2 stops at 1.4 s', '第 1.4 秒 r2 停止'],
  [
    'The classic queue is down: its home node is gone, its consumer was cancelled and publishes to it are returned (mandatory). The quorum queue elects a new leader and keeps working.',
    '经典队列不可用了：它的主节点没了，消费者被取消，发给它的消息被退回（mandatory）。仲裁队列选出新 leader，继续工作。',
  ],
);
b.expect(
  ['No gap for quorum', '仲裁队列不停顿'],
  ['reads-quorum is on r3 and keeps receiving. Wait until it has 30.', 'reads-quorum 连在 r3 上，一直在收消息。等它收到 30 条。'],
  cq,
  'delivered',
  30,
);
b.step(
  ['r2 returns at 20 s', '第 20 秒 r2 回来'],
  [
    'The classic queue comes back with its persistent messages; the quorum leader stays where it moved. A classic queue is not highly available: it lives on one node.',
    '经典队列带着持久化消息回来了；仲裁队列的 leader 不会搬回去。经典队列不是高可用的：它只在一个节点上。',
  ],
);

export const clusterClassicVsQuorum: Preset = {
  id: 'cluster-classic-vs-quorum',
  title: { en: 'Cluster: classic vs quorum queue', zh: '集群：经典队列与仲裁队列' },
  summary: { en: 'A node stops: the classic queue on it is gone, the quorum queue fails over.', zh: '一个节点停止：其上的经典队列不可用，仲裁队列完成故障转移。' },
  doc: b.done({
    title: ['Classic vs quorum in a cluster', '集群：经典队列与仲裁队列'],
    description: [
      'Two queues homed on r2 of a three-node cluster; r2 stops at 1.4 s and returns at 20 s.',
      '三节点集群里，两个队列都声明在 r2 上；r2 在第 1.4 秒停止，第 20 秒恢复。',
    ],
  }),
  zh: b.zh(),
};
