import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const persistent = b.producer('persistent', [0, 0], { rate: 4, limit: 5, body: 'saved {n}', properties: { persistent: true, headers: {} } });
const transient = b.producer('transient', [0, 1], { rate: 4, limit: 5, body: 'volatile {n}' });
const x = b.exchange('events', 'fanout', [1, 0.5]);
const durable = b.queue('durable-queue', [2, 0], {}, { durable: true });
const temp = b.queue('transient-queue', [2, 1], {}, { durable: false });
b.publish(persistent, x);
b.publish(transient, x);
b.bind(x, durable);
b.bind(x, temp);
b.at(2500, { type: 'restart-broker' });
b.step(
  ['Before the restart', '重启之前'],
  [
    'Two producers each send 5 messages, one persistent and one not, into a durable queue and a transient one. Press Play (▶ below, or Space); each queue ends up with 10 messages.',
    '两个生产者各发 5 条消息，一个发持久化消息，一个不是，发往一个持久化队列和一个非持久化队列。点击下方的“播放”（或按空格键），每个队列最后都有 10 条消息。',
  ],
);
b.step(
  ['The broker restarts at 2.5 s', '第 2.5 秒 broker 重启'],
  [
    'The timeline restarts the broker. Only durable things come back: transient-queue is gone, along with its binding.',
    '时间线在第 2.5 秒重启 broker。只有持久化的东西会回来：transient-queue 连同它的绑定都没了。',
  ],
);
b.step(
  ['Durable is not enough', '光队列持久化还不够'],
  [
    'durable-queue survived, but holds only the 5 persistent messages. A message survives a restart only if it is persistent and sits in a durable queue.',
    'durable-queue 活了下来，但里面只剩 5 条持久化消息。消息要扛过重启，必须自己是持久化的，而且待在持久化队列里。',
  ],
);
b.step(
  ['Try it the other way', '反过来试试'],
  [
    'Click the "transient" producer and tick Persistent in the inspector on the right; the run restarts by itself. Which queue keeps which messages now?',
    '点选 "transient" 生产者，在右侧检查器里勾选“持久化消息”；运行会自动重新开始。现在哪个队列留下了哪些消息？',
  ],
);

export const durabilityRestart: Preset = {
  id: 'durability-restart',
  title: { en: 'Durability and restart', zh: '持久化与重启' },
  summary: { en: 'What survives a broker restart: durable queues and persistent messages.', zh: '重启后还剩什么：持久化队列和持久化消息。' },
  doc: b.done({
    title: ['Durability and restart', '持久化与重启'],
    description: [
      'Persistent and transient messages in durable and transient queues, across a broker restart.',
      '持久化和非持久化的消息，放在持久化和非持久化的队列里，经历一次 broker 重启。',
    ],
  }),
  zh: b.zh(),
};
