import { builder } from './build';
import type { Preset } from './types';

/** The keys of RabbitMQ's topics tutorial: `<speed>.<colour>.<species>`. */
export const TOPIC_KEYS = [
  'quick.orange.rabbit',
  'lazy.orange.elephant',
  'quick.orange.fox',
  'lazy.brown.fox',
  'lazy.pink.rabbit',
  'quick.brown.fox',
  'quick.orange.male.rabbit',
  'lazy.orange.male.rabbit',
];

const b = builder();
const p = b.producer('emit_log_topic', [0, 0.5], { rate: 1, routingKey: { mode: 'cycle', keys: TOPIC_KEYS }, body: 'animal {n}' });
const x = b.exchange('topic_logs', 'topic', [1, 0.5]);
const q1 = b.queue('Q1', [2, 0]);
const q2 = b.queue('Q2', [2, 1]);
const c1 = b.consumer('C1', [3, 0], { processing: { dist: 'fixed', ms: 400 } });
const c2 = b.consumer('C2', [3, 1], { processing: { dist: 'fixed', ms: 400 } });
b.publish(p, x);
b.bind(x, q1, '*.orange.*');
b.bind(x, q2, '*.*.rabbit');
b.bind(x, q2, 'lazy.#');
b.consume(q1, c1);
b.consume(q2, c2);
b.step(
  ['Patterns over words', '按单词匹配的模式'],
  [
    'Routing keys here are words separated by dots: speed.colour.species. In a binding, * stands for exactly one word and # for zero or more words.',
    '这里的路由键是用点分隔的单词：速度.颜色.物种。绑定键里，* 恰好匹配一个单词，# 匹配零个或多个单词。',
  ],
);
b.ask(
  ['A lazy pink rabbit', '一只懒惰的粉色兔子'],
  [
    'Which queues will receive "lazy.pink.rabbit"? Click them on the canvas, then press Check below. It matches two bindings of Q2; how many copies does Q2 get?',
    '"lazy.pink.rabbit" 会进哪些队列？在画布上点选它们，再点下面的“检查”。它同时匹配 Q2 的两个绑定，Q2 会收到几份？',
  ],
  p,
  'lazy.pink.rabbit',
);
b.ask(
  ['A quick orange rabbit', '一只敏捷的橙色兔子'],
  ['And "quick.orange.rabbit"?', '那 "quick.orange.rabbit" 呢？'],
  p,
  'quick.orange.rabbit',
);
b.ask(
  ['A quick brown fox', '一只敏捷的棕色狐狸'],
  [
    'And "quick.brown.fox"? A message that matches no binding is dropped.',
    '那 "quick.brown.fox" 呢？匹配不到任何绑定的消息会被丢弃。',
  ],
  p,
  'quick.brown.fox',
);
b.ask(
  ['Four words', '四个单词'],
  [
    'Last one: "lazy.orange.male.rabbit". Here * and # behave differently.',
    '最后一个："lazy.orange.male.rabbit"。这里 * 和 # 的区别就显出来了。',
  ],
  p,
  'lazy.orange.male.rabbit',
);
b.step(
  ['Catch everything', '全部接收'],
  [
    'Drag a Queue from the palette onto the canvas, connect the exchange to it and type # as the binding key (on the binding’s label, or in the inspector): it receives every message, like fanout. A binding without * or # behaves like direct.',
    '从左侧面板拖一个“队列”到画布上，把交换机连到它，把绑定键改成 #（双击绑定的标签，或在检查器里改）：它会收到所有消息，和 fanout 一样。不含 * 和 # 的绑定键则和 direct 一样。',
  ],
);

export const topics: Preset = {
  id: 'topics',
  title: { en: 'Topics (* and #)', zh: '主题模式（* 与 #）' },
  summary: { en: 'Wildcard bindings on dotted routing keys.', zh: '用通配符绑定点分路由键。' },
  doc: b.done({
    title: ['Topics', '主题模式（* 与 #）'],
    description: [
      "The topics tutorial's animals: *.orange.*, *.*.rabbit and lazy.#.",
      'RabbitMQ 官方 topic 教程里的动物：*.orange.*、*.*.rabbit 和 lazy.#。',
    ],
  }),
  zh: b.zh(),
};
