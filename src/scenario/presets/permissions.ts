import { builder } from './build';
import type { Preset } from './types';

const shop = { user: 'shop', password: 'shop', vhost: '/' };
const warehouse = { user: 'warehouse', password: 'warehouse', vhost: '/' };

const b = builder();
const p = b.producer('shop-app', [0, 0.5], { rate: 1, routingKey: { mode: 'fixed', key: 'new' }, connection: shop, body: 'order {n}' });
const x = b.exchange('orders', 'direct', [1, 0.5]);
const q = b.queue('orders.new', [2, 0.5]);
const c1 = b.consumer('warehouse', [3, 0], { connection: warehouse, processing: { dist: 'fixed', ms: 300 } });
const c2 = b.consumer('shop-reader', [3, 1], { connection: shop, processing: { dist: 'fixed', ms: 300 } });
b.publish(p, x);
b.bind(x, q, 'new');
b.consume(q, c1);
b.consume(q, c2);
b.broker({
  users: [
    { name: 'shop', password: 'shop', tags: [] },
    { name: 'warehouse', password: 'warehouse', tags: ['monitoring'] },
  ],
  permissions: [
    // configure, write, read: regular expressions over exchange and queue names ('' matches nothing).
    { user: 'shop', vhost: '/', configure: '', write: '^orders$', read: '' },
    { user: 'warehouse', vhost: '/', configure: '', write: '', read: '^orders\\.new$' },
  ],
});
b.step(
  ['Two users', '两个用户'],
  [
    'The shop connects as user "shop", the warehouse as user "warehouse". Click Broker in the top bar and open the Permissions tab: shop may write to the exchange "orders" and read nothing; warehouse may read the queue "orders.new" and write nothing.',
    '商店以用户 "shop" 连接，仓库以用户 "warehouse" 连接。点顶栏的“服务器”，打开“权限”页：shop 可以写交换机 "orders"，什么都不能读；warehouse 可以读队列 "orders.new"，什么都不能写。',
  ],
);
b.expect(
  ['Write is not read', '能写不等于能读'],
  [
    'Press Play (▶ below, or Space). shop-app publishes fine, warehouse consumes fine, but shop-reader, connected as "shop", is refused: 403 ACCESS_REFUSED - access to queue \'orders.new\' in vhost \'/\' refused for user \'shop\'. The channel closes; the connection stays.',
    '点击下方的“播放”（或按空格键）。shop-app 发布正常，warehouse 消费正常，但以 "shop" 身份连接的 shop-reader 被拒绝：403 ACCESS_REFUSED，用户 \'shop\' 无权访问 vhost \'/\' 里的队列 \'orders.new\'。信道被关闭，连接还在。',
  ],
  c1,
  'acked',
  3,
);
b.step(
  ['Fix it', '修好它'],
  [
    'Give shop read on "^orders\\.new$" in the top bar’s Broker → Permissions, or click shop-reader and set its connection’s User to warehouse in the inspector. Tags (administrator, monitoring…) make no difference over AMQP.',
    '在顶栏的“服务器” → “权限”页里给 shop 加上对 "^orders\\.new$" 的读权限，或者点选 shop-reader，在检查器里把连接的“用户名”改成 warehouse。用户标签（administrator、monitoring…）对 AMQP 没有影响。',
  ],
);

export const permissions: Preset = {
  id: 'permissions',
  title: { en: 'Users and permissions', zh: '用户与权限' },
  summary: { en: 'Configure, write and read regexes decide what each user may do.', zh: 'configure、write、read 三个正则决定每个用户能做什么。' },
  doc: b.done({
    title: ['Users and permissions', '用户与权限'],
    description: [
      'A user that may write but not read is refused with 403 ACCESS_REFUSED when it consumes.',
      '一个只能写不能读的用户去消费，被拒绝：403 ACCESS_REFUSED。',
    ],
  }),
  zh: b.zh(),
};
