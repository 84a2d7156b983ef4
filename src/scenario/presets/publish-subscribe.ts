import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('emit_log', [0, 0.5], { rate: 1, body: 'log line {n}' });
const x = b.exchange('logs', 'fanout', [1, 0.5]);
const q1 = b.queue('logs.disk', [2, 0]);
const q2 = b.queue('logs.screen', [2, 1]);
const c1 = b.consumer('disk-writer', [3, 0], { processing: { dist: 'fixed', ms: 600 } });
const c2 = b.consumer('screen', [3, 1], { processing: { dist: 'fixed', ms: 300 } });
b.publish(p, x);
b.bind(x, q1);
b.bind(x, q2);
b.consume(q1, c1);
b.consume(q2, c2);
b.step(
  ['Every subscriber gets a copy', '每个订阅者都有一份'],
  [
    'Press Play (▶ below, or Space). A fanout exchange ignores the routing key and puts a copy of each message into every queue bound to it.',
    '点击下方的“播放”（或按空格键）。fanout 交换机不看路由键，把每条消息复制一份，放进所有绑定到它的队列。',
  ],
);
b.ask(
  ['Where does it go?', '会去哪里？'],
  [
    'The producer now sends a message with the routing key "anything". Which queues receive it? Click them on the canvas, then press Check below.',
    '生产者发出一条路由键为 "anything" 的消息，哪些队列会收到？在画布上点选它们，再点下面的“检查”。',
  ],
  p,
  'anything',
);
b.step(
  ['Add a subscriber', '再加一个订阅者'],
  [
    'Drag a Queue from the palette on the left onto the canvas and drag from the "logs" exchange’s right handle to it (that binds it); then add a Consumer the same way and connect the queue to it. The producer does not change at all: that is the decoupling publish/subscribe buys.',
    '从左侧面板拖一个“队列”到画布上，从 "logs" 交换机右侧的连接点拖线连到它（这就是绑定）；再用同样的办法加一个“消费者”，把队列连到它。生产者一点都不用改，这就是发布/订阅带来的解耦。',
  ],
);

export const publishSubscribe: Preset = {
  id: 'publish-subscribe',
  title: { en: 'Publish/subscribe (fanout)', zh: '发布/订阅（fanout）' },
  summary: { en: 'A fanout exchange copies each message to every bound queue.', zh: 'fanout 交换机把每条消息复制到所有绑定的队列。' },
  doc: b.done({
    title: ['Publish/subscribe', '发布/订阅（fanout）'],
    description: [
      'A fanout exchange broadcasting logs to two queues.',
      '一个 fanout 交换机把日志广播到两个队列。',
    ],
  }),
  zh: b.zh(),
};
