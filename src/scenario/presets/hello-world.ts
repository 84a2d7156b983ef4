import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('sender', [0, 0], { rate: 1, body: 'Hello World! #{n}' });
const q = b.queue('hello', [1.5, 0]);
const c = b.consumer('receiver', [3, 0], { processing: { dist: 'fixed', ms: 400 } });
b.publish(p, q);
b.consume(q, c);
b.step(
  ['One sender, one queue, one receiver', '一个发送者、一个队列、一个接收者'],
  [
    'Press Play (▶ below, or Space). The sender publishes to the default exchange with the routing key "hello", and the default exchange delivers it to the queue of that name.',
    '点击下方的“播放”（或按空格键）。发送者把消息发给默认交换机，路由键是 "hello"，默认交换机就把它投递到同名的队列里。',
  ],
);
b.step(
  ['Watch the ack', '留意确认（ack）'],
  [
    'Each message waits in "hello" until the receiver takes it, then stays unacked until the receiver acks it. Only then does the queue forget it.',
    '消息先在 "hello" 里等待，被接收者取走后处于“未确认”状态，直到接收者发回 ack，队列才把它删掉。',
  ],
);
b.expect(
  ['Stop the receiver', '停掉接收者'],
  [
    'To stop the receiver, hover it and click ❚❚ Pause consumer in the bar above it, and watch messages pile up in the queue. Click ▶ Resume consumer in the same place: nothing was lost, the queue kept them.',
    '要停掉接收者，把鼠标移到 receiver 上，点它上方小工具条里的“❚❚ 暂停消费者”，看消息在队列里越积越多。再在同一处点“▶ 恢复消费者”：一条也没丢，队列一直替它保存着。',
  ],
  q,
  'ready',
  3,
);

export const helloWorld: Preset = {
  id: 'hello-world',
  title: { en: 'Hello world', zh: '简单模式' },
  summary: { en: 'A producer sends to a queue through the default exchange; a consumer receives.', zh: '生产者经默认交换机把消息发到队列，消费者接收。' },
  doc: b.done({
    title: ['Hello world', '简单模式'],
    description: [
      'The simplest thing: one producer, one queue, one consumer.',
      '最简单的情形：一个生产者、一个队列、一个消费者。',
    ],
  }),
  zh: b.zh(),
};
