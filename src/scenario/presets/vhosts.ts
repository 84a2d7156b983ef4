import { builder } from './build';
import type { Preset } from './types';

const shop = { user: 'guest', password: 'guest', vhost: 'shop' };
const billing = { user: 'guest', password: 'guest', vhost: 'billing' };

const b = builder();
const p1 = b.producer('shop-app', [0, 0], { rate: 1, routingKey: { mode: 'fixed', key: 'created' }, connection: shop, body: 'shop order {n}' });
const x1 = b.exchange('orders', 'direct', [1, 0], { vhost: 'shop' });
const q1 = b.queue('orders.created', [2, 0], {}, { vhost: 'shop' });
const c1 = b.consumer('shop-worker', [3, 0], { connection: shop, processing: { dist: 'fixed', ms: 400 } });
const p2 = b.producer('billing-app', [0, 1.5], { rate: 0.5, routingKey: { mode: 'fixed', key: 'created' }, connection: billing, body: 'invoice {n}' });
const x2 = b.exchange('orders', 'direct', [1, 1.5], { vhost: 'billing' });
const q2 = b.queue('orders.created', [2, 1.5], {}, { vhost: 'billing' });
const c2 = b.consumer('billing-worker', [3, 1.5], { connection: billing, processing: { dist: 'fixed', ms: 400 } });
b.publish(p1, x1);
b.bind(x1, q1, 'created');
b.consume(q1, c1);
b.publish(p2, x2);
b.bind(x2, q2, 'created');
b.consume(q2, c2);
// Two vhosts, and guest allowed on both (as the management UI grants the user who adds a vhost).
b.broker({
  vhosts: ['shop', 'billing'],
  permissions: [
    { user: 'guest', vhost: 'shop', configure: '.*', write: '.*', read: '.*' },
    { user: 'guest', vhost: 'billing', configure: '.*', write: '.*', read: '.*' },
  ],
});
b.step(
  ['Two brokers in one', '一个 broker 里的两个世界'],
  [
    'A virtual host is a separate namespace inside one broker. The top row lives in vhost "shop", the bottom row in vhost "billing", and both use the same exchange and queue names.',
    '虚拟主机（vhost）是一个 broker 内部相互隔离的命名空间。上面一排在 "shop" 里，下面一排在 "billing" 里，两边的交换机和队列名字完全一样。',
  ],
);
b.ask(
  ['Same name, different queue', '同名，却不是同一个队列'],
  [
    'shop-app publishes "created" to its "orders" exchange. Which queues receive it? Click them on the canvas, then press Check below.',
    'shop-app 向自己的 "orders" 交换机发送 "created"。哪些队列会收到？在画布上点选它们，再点下面的“检查”。',
  ],
  p1,
  'created',
);
b.step(
  ['A connection picks one vhost', '一个连接只属于一个 vhost'],
  [
    'Each producer and consumer connects to one vhost and sees only what lives there. Teams share a broker this way without stepping on each other\'s names.',
    '每个生产者和消费者的连接只属于一个 vhost，也只看得见那里的东西。不同团队就这样共用一个 broker，互不干扰。',
  ],
);

export const vhosts: Preset = {
  id: 'vhosts',
  title: { en: 'Virtual hosts', zh: '虚拟主机（vhost）' },
  summary: { en: 'The same names in two vhosts are two separate worlds.', zh: '两个 vhost 里的同名资源互不相干。' },
  doc: b.done({
    title: ['Virtual hosts', '虚拟主机（vhost）'],
    description: [
      'Two vhosts with identically named exchanges and queues.',
      '两个 vhost，里面的交换机和队列名字完全相同。',
    ],
  }),
  zh: b.zh(),
};
