import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p = b.producer('emit_log_direct', [0, 0.5], { rate: 1.5, routingKey: { mode: 'cycle', keys: ['info', 'warning', 'error'] }, body: 'log {n}' });
const x = b.exchange('direct_logs', 'direct', [1, 0.5]);
const q1 = b.queue('errors', [2, 0]);
const q2 = b.queue('all_logs', [2, 1]);
const c1 = b.consumer('save-to-disk', [3, 0], { processing: { dist: 'fixed', ms: 500 } });
const c2 = b.consumer('print', [3, 1], { processing: { dist: 'fixed', ms: 300 } });
b.publish(p, x);
b.bind(x, q1, 'error');
for (const severity of ['info', 'warning', 'error']) b.bind(x, q2, severity);
b.consume(q1, c1);
b.consume(q2, c2);
b.step(
  ['Routing by exact key', '按路由键精确匹配'],
  [
    'A direct exchange sends a message to the queues whose binding key equals its routing key. The producer cycles through info, warning and error. Press Play (▶ below, or Space).',
    'direct 交换机只把消息送到绑定键与路由键完全相同的队列。生产者轮流发送 info、warning、error 三种日志。点击下方的“播放”（或按空格键）。',
  ],
);
b.ask(
  ['A warning', '一条 warning'],
  ['Which queues receive a message with the key "warning"? Click them on the canvas, then press Check below.', '路由键为 "warning" 的消息会进哪些队列？在画布上点选它们，再点下面的“检查”。'],
  p,
  'warning',
);
b.ask(
  ['An error', '一条 error'],
  [
    'And "error"? Two bindings with the same key on different queues deliver a copy to each.',
    '那 "error" 呢？不同队列用同一个键绑定，每个队列各得一份。',
  ],
  p,
  'error',
);
b.step(
  ['Drop a key', '去掉一个键'],
  [
    'Click the "info" label on the binding to all_logs and press Delete. Info messages now match nothing and are silently dropped, unless the producer sets mandatory.',
    '点选通往 all_logs 的那条 "info" 绑定（点它的标签），按 Delete 键删掉。info 消息从此匹配不到任何队列，会被悄悄丢弃，除非生产者设置了 mandatory。',
  ],
);

export const routingPreset: Preset = {
  id: 'routing',
  title: { en: 'Routing (direct)', zh: '路由模式（direct）' },
  summary: { en: 'Log severities routed by exact binding keys.', zh: '按日志级别，用绑定键精确路由。' },
  doc: b.done({
    title: ['Routing', '路由模式（direct）'],
    description: [
      'A direct exchange routing log severities.',
      '一个 direct 交换机按日志级别路由。',
    ],
  }),
  zh: b.zh(),
};
