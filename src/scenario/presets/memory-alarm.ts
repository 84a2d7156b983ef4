import { builder } from './build';
import type { Preset } from './types';

/** A 2,000-byte body, so a few dozen queued messages reach the (tiny) modelled memory limit. */
const BODY = `order {n} ${'.'.repeat(1990)}`;

const b = builder();
const p = b.producer('fast-publisher', [0, 0], { rate: 10, limit: 100, body: BODY });
const q = b.queue('jobs', [1, 0]);
const c = b.consumer('slow-worker', [2, 0], { prefetch: 10, processing: { dist: 'fixed', ms: 250 } });
b.publish(p, q);
b.consume(q, c);
// A machine with 1 MB of memory, 235 kB of it used by the broker itself (so the alarm, at 25 %, comes
// within 3 s of Play).
b.broker({ resources: { totalMemory: 1_000_000, baseMemory: 235_000, memoryHighWatermark: 0.25 } });
b.step(
  ['A fast producer, a slow consumer', '生产快，消费慢'],
  [
    'fast-publisher sends 10 messages of 2 kB a second; slow-worker handles 4. Press Play (▶ below, or Space) and watch the memory gauge in the top bar: the queue grows and so does the memory the broker uses.',
    'fast-publisher 每秒发送 10 条 2 kB 的消息，slow-worker 每秒只能处理 4 条。点击下方的“播放”（或按空格键），看顶栏的内存表：队列在涨，broker 用的内存也在涨。',
  ],
);
b.expect(
  ['The memory alarm', '内存告警'],
  [
    'When memory passes the high watermark (vm_memory_high_watermark, here 25 % of a 1 MB machine) the broker raises the memory alarm and blocks every connection that publishes. The producer turns red: its messages are held, not lost.',
    '内存超过高水位线（vm_memory_high_watermark，这里是 1 MB 机器的 25%）时，broker 拉响内存告警，阻塞所有正在发布消息的连接。生产者变红：它的消息被扣住，并没有丢。',
  ],
  q,
  'delivered',
  20,
);
b.step(
  ['Flow control', '流控'],
  [
    'slow-worker keeps consuming: consumers are never blocked. Each message it takes frees memory, the alarm clears, held messages go in, and the alarm fires again, so the producer is held to the consumer\'s pace. When it has sent all 100, the queue drains and publishing is unblocked for good.',
    'slow-worker 照常消费：消费者从不会被阻塞。它每取走一条消息就腾出一点内存，告警解除，被扣住的消息进入队列，告警又响起，于是生产者被压到消费者的速度。等它发完 100 条，队列排空，发布彻底恢复。',
  ],
);
b.step(
  ['Try it', '动手试试'],
  [
    'Click Broker in the top bar, open the Limits tab and raise the watermark to 0.5: the alarm never fires. Set it back to 0.25 and add a second consumer instead: drag a Consumer from the palette and connect the jobs queue to it.',
    '点顶栏的“服务器”，打开“限制”页，把水位线调到 0.5：告警不再出现。改回 0.25，再加一个消费者试试：从左侧面板拖一个“消费者”，把 jobs 队列连到它。',
  ],
);

export const memoryAlarm: Preset = {
  id: 'memory-alarm',
  title: { en: 'Memory alarm', zh: '内存告警' },
  summary: { en: 'Past the memory high watermark, publishers are blocked until consumers catch up.', zh: '内存超过高水位线时，发布者被阻塞，直到消费者追上来。' },
  doc: b.done({
    title: ['Memory alarm', '内存告警'],
    description: [
      'A fast producer, a slow consumer and a low memory high watermark: the broker blocks the publisher.',
      '生产者快、消费者慢、内存高水位很低：broker 阻塞了生产者。',
    ],
  }),
  zh: b.zh(),
};
