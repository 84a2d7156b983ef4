import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('checkout', [0, 0], { rate: 1, body: 'payment {n}' });
const q = b.queue('payments', [1.5, 0], { 'x-queue-type': 'quorum', 'x-delivery-limit': 3, 'x-dead-letter-exchange': 'payments.dlx' });
const c = b.consumer('flaky-gateway', [3, 0], { prefetch: 1, processing: { dist: 'fixed', ms: 400 }, failure: { action: 'nack-requeue', probability: 0.5 } });
const dlx = b.exchange('payments.dlx', 'fanout', [1.5, 1.3]);
const failed = b.queue('payments.failed', [3, 1.3]);
b.publish(p, q);
b.consume(q, c);
b.bind(dlx, failed);
b.step(
  ['A consumer that gives back', '会退回消息的消费者'],
  [
    'flaky-gateway fails half of the payments and nacks them with requeue, so they go back into the queue and come again, marked redelivered. Press Play (▶ below, or Space).',
    'flaky-gateway 有一半的支付会失败，它用 nack 并要求重新入队，于是消息回到队列，再次投递时带上“重投”标记。点击下方的“播放”（或按空格键）。',
  ],
);
b.expect(
  ['Three strikes', '事不过三'],
  [
    'payments is a quorum queue with x-delivery-limit 3: it counts redeliveries, and a message returned more often than that is dead-lettered to payments.failed instead of looping forever.',
    'payments 是仲裁队列，设置了 x-delivery-limit 3：它会记录重投次数，退回次数超过上限的消息会作为死信进入 payments.failed，而不是无限循环。',
  ],
  failed,
  'ready',
  1,
);
b.step(
  ['Without a limit', '没有上限会怎样'],
  [
    'Click payments and clear Delivery limit in the inspector; then click flaky-gateway and set Failure probability to 1. The same payments now circle without end. (RabbitMQ 4 sets a default limit of 20 on quorum queues.)',
    '点选 payments，在检查器里清空“投递次数上限”；再点选 flaky-gateway，把“失败概率”调到 1。同样的支付就会无休止地打转。（RabbitMQ 4 起仲裁队列默认上限为 20。）',
  ],
);

export const deliveryLimit: Preset = {
  id: 'delivery-limit',
  title: { en: 'Delivery limit (quorum queue)', zh: '投递次数上限（仲裁队列）' },
  summary: { en: 'A quorum queue dead-letters messages redelivered too often.', zh: '仲裁队列把重投过多的消息转为死信。' },
  doc: b.done({
    title: ['Delivery limit', '投递次数上限（仲裁队列）'],
    description: [
      'A quorum queue with x-delivery-limit and a dead-letter exchange, fed by a flaky consumer.',
      '一个设置了 x-delivery-limit 和死信交换机的仲裁队列，消费者时常处理失败。',
    ],
    // A seed whose first payments fail: the requeue shows within 3 s of Play, the first dead-letter at about 5 s.
    seed: 4,
  }),
  zh: b.zh(),
};
