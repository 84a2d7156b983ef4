import { builder } from './build';
import type { Preset } from './types';

const b = builder();
const p1 = b.producer('pdf report', [0, 0], { rate: 0.5, properties: { persistent: false, headers: { format: 'pdf', type: 'report' } } });
const p2 = b.producer('pdf log', [0, 1], { rate: 0.5, properties: { persistent: false, headers: { format: 'pdf', type: 'log' } } });
const p3 = b.producer('zip log', [0, 2], { rate: 0.5, properties: { persistent: false, headers: { format: 'zip', type: 'log' } } });
const x = b.exchange('documents', 'headers', [1, 1]);
const qAll = b.queue('pdf-reports (all)', [2, 0.5]);
const qAny = b.queue('pdf-or-report (any)', [2, 1.5]);
const c1 = b.consumer('C-all', [3, 0.5], { processing: { dist: 'fixed', ms: 300 } });
const c2 = b.consumer('C-any', [3, 1.5], { processing: { dist: 'fixed', ms: 300 } });
for (const p of [p1, p2, p3]) b.publish(p, x);
b.bind(x, qAll, '', { 'x-match': 'all', format: 'pdf', type: 'report' });
b.bind(x, qAny, '', { 'x-match': 'any', format: 'pdf', type: 'report' });
b.consume(qAll, c1);
b.consume(qAny, c2);
b.step(
  ['Routing by headers', '按消息头路由'],
  [
    'A headers exchange ignores the routing key and compares message headers with binding arguments. Both bindings ask for format=pdf and type=report; one with x-match all, one with x-match any.',
    'headers 交换机不看路由键，而是拿消息头和绑定参数比较。两个绑定要的都是 format=pdf 和 type=report，一个用 x-match all，一个用 x-match any。',
  ],
);
b.ask(
  ['A PDF report', '一份 PDF 报告'],
  ['"pdf report" sends format=pdf, type=report. Which queues receive it? Click them on the canvas, then press Check below.', '"pdf report" 发送 format=pdf、type=report。哪些队列会收到？在画布上点选它们，再点下面的“检查”。'],
  p1,
  '',
);
b.ask(
  ['A PDF log', '一份 PDF 日志'],
  ['"pdf log" sends format=pdf, type=log: one header matches, one does not.', '"pdf log" 发送 format=pdf、type=log：一个头匹配，一个不匹配。'],
  p2,
  '',
);
b.ask(
  ['A ZIP log', '一份 ZIP 日志'],
  ['"zip log" sends format=zip, type=log.', '"zip log" 发送 format=zip、type=log。'],
  p3,
  '',
);
b.step(
  ['Change a header', '改一个消息头'],
  [
    'Click the "zip log" producer and, in the inspector on the right, change its header type to report; the run restarts by itself. all needs every pair to match; any needs just one.',
    '点选 "zip log" 生产者，在右侧检查器里把消息头 type 改成 report；运行会自动重新开始。all 要求每一项都匹配，any 只要有一项匹配就行。',
  ],
);

export const headersPreset: Preset = {
  id: 'headers',
  title: { en: 'Headers (x-match all vs any)', zh: '头部模式（x-match all 与 any）' },
  summary: { en: 'Routing on message headers instead of the routing key.', zh: '按消息头而不是路由键来路由。' },
  doc: b.done({
    title: ['Headers', '头部模式（x-match all 与 any）'],
    description: [
      'A headers exchange with an x-match all binding and an x-match any binding.',
      '一个 headers 交换机，一个绑定用 x-match all，另一个用 x-match any。',
    ],
  }),
  zh: b.zh(),
};
