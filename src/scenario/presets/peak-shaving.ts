import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('flash-sale', [0, 0], { rate: 8, limit: 40, body: 'order {n}' });
const q = b.queue('orders', [1.5, 0]);
const c = b.consumer('order-db', [3, 0], { prefetch: 1, processing: { dist: 'fixed', ms: 500 } });
b.publish(p, q);
b.consume(q, c);
b.expect(
  ['A burst of orders', '一波订单高峰'],
  [
    'A flash sale sends 40 orders in 5 seconds, but the database behind order-db takes only 2 a second. Press Play (▶ below, or Space) and watch the queue swell.',
    '一场秒杀在 5 秒内涌来 40 个订单，而 order-db 背后的数据库每秒只能处理 2 个。点击下方的“播放”（或按空格键），看队列鼓起来。',
  ],
  q,
  'ready',
  20,
);
b.step(
  ['The queue absorbs the peak', '队列吸收了高峰'],
  [
    'The database keeps working at its own steady pace and is never flooded; the queue holds the rest and drains over about 20 seconds. That is "peak shaving".',
    '数据库始终按自己的节奏稳定工作，不会被冲垮；多出来的订单在队列里排队，大约 20 秒后清空。这就是“削峰”。',
  ],
);
b.step(
  ['Add capacity', '加点处理能力'],
  [
    'Drag a Consumer from the palette onto the canvas and drag from the orders queue’s right handle to it (the run restarts): the backlog drains twice as fast, and the producer never had to know.',
    '从左侧面板拖一个“消费者”到画布上，从 orders 队列右侧的连接点拖线连到它（运行会重新开始）：积压消化得快了一倍，生产者对此毫不知情。',
  ],
);

export const peakShaving: Preset = {
  id: 'peak-shaving',
  title: { en: 'Peak shaving', zh: '削峰' },
  summary: { en: 'A queue absorbs a burst so a slow consumer is not flooded.', zh: '队列吸收突发流量，慢消费者不被冲垮。' },
  doc: b.done({
    title: ['Peak shaving', '削峰'],
    description: [
      'A burst of 40 orders buffered for a consumer that handles 2 per second.',
      '一次涌来 40 个订单，先在队列里缓存，消费者每秒处理 2 个。',
    ],
  }),
  zh: b.zh(),
};
