import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('orders', [0, 0.5], { rate: 1.5, routingKey: { mode: 'cycle', keys: ['eu', 'us', 'asia'] }, body: 'order {n}' });
const x = b.exchange('orders', 'direct', [1, 0.5], { alternateExchange: 'unrouted' });
const eu = b.queue('orders.eu', [2, 0]);
const us = b.queue('orders.us', [2, 1]);
const ae = b.exchange('unrouted', 'fanout', [1, 2]);
const q = b.queue('unrouted', [2, 2]);
const c1 = b.consumer('eu-service', [3, 0], { processing: { dist: 'fixed', ms: 400 } });
const c2 = b.consumer('us-service', [3, 1], { processing: { dist: 'fixed', ms: 400 } });
b.publish(p, x);
b.bind(x, eu, 'eu');
b.bind(x, us, 'us');
b.bind(ae, q);
b.consume(eu, c1);
b.consume(us, c2);
b.step(
  ['Nowhere to go', '无处可去'],
  [
    'Orders for eu and us have queues; orders for asia match no binding. Without help they would be dropped without a trace.',
    'eu 和 us 的订单都有队列接收；asia 的订单匹配不到任何绑定，没人管的话会悄无声息地被丢掉。',
  ],
);
b.ask(
  ['A safety net', '一张安全网'],
  [
    'The orders exchange names "unrouted" as its alternate exchange. Which queues receive an order with key "asia"? Click them on the canvas, then press Check below.',
    'orders 交换机把 "unrouted" 设为备用交换机。路由键为 "asia" 的订单会进哪些队列？在画布上点选它们，再点下面的“检查”。',
  ],
  p,
  'asia',
);
b.ask(
  ['Routed as usual', '照常路由'],
  [
    'And "eu"? The alternate exchange is used only when the exchange itself finds no match.',
    '那 "eu" 呢？只有交换机自己匹配不到时，才会用到备用交换机。',
  ],
  p,
  'eu',
);
b.step(
  ['Add a region', '加一个地区'],
  [
    'Drag a Queue from the palette onto the canvas and name it orders.asia, connect the orders exchange to it and type asia as the binding key: unrouted stops growing. Watching the alternate exchange\'s queue is a cheap way to catch routing mistakes.',
    '从左侧面板拖一个“队列”到画布上，命名为 orders.asia，把 orders 交换机连到它，绑定键填 asia：unrouted 就不再增长了。盯着备用交换机的队列，是发现路由错误的省事办法。',
  ],
);

export const alternateExchange: Preset = {
  id: 'alternate-exchange',
  title: { en: 'Alternate exchange', zh: '备用交换机' },
  summary: { en: 'Unroutable messages go to an alternate exchange instead of vanishing.', zh: '无法路由的消息进入备用交换机，而不是消失。' },
  doc: b.done({
    title: ['Alternate exchange', '备用交换机'],
    description: [
      'A direct exchange whose unroutable messages go to an alternate exchange.',
      '一个 direct 交换机，无法路由的消息转给备用交换机。',
    ],
  }),
  zh: b.zh(),
};
