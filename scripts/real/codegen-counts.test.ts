import { describe, expect, it } from 'vitest';
import { presetById } from '../../src/scenario/presets';
import { planOf } from '../../src/scenario/codegen/plan';
import { consumerLines, producerLines } from '../../src/scenario/codegen/lines';
import { tally, withDeaths } from './codegen-counts';

describe('counting what a generated program printed', () => {
  it('counts publishes, deliveries, acks and returns, and dead-letterings from x-death', () => {
    const plan = planOf(presetById('ttl-dlx')!.doc);
    const c = consumerLines(plan.consumers[0]);
    const p = producerLines(plan.producers[0]);
    const output = [
      `    10 ms  ${p.publish}1 id p1-1${p.exchange}"task"`,
      `    12 ms  ${c.deliver}1 id p1-1 x-death {}`,
      `   512 ms  ${c.reject}1`,
      '  3515 ms  this line is not one of the program\'s events',
      `  3520 ms  ${c.deliver}2 id p1-1 x-death {"work":1,"work.retry-3s":1}`,
      `  4020 ms  ${c.ack}2`,
      `  4030 ms  ${p.returned}"nowhere" 312 NO_ROUTE`,
    ].join('\n');
    const { counts, deaths } = tally(plan, output);
    withDeaths(counts, deaths);
    expect(counts.queues['//work']).toEqual({ delivered: 2, acked: 1, deadLettered: 1, left: 0 });
    expect(counts.queues['//work.retry-3s']).toEqual({ delivered: 0, acked: 0, deadLettered: 1, left: 0 });
    expect(counts.producers.jobs).toEqual({ published: 1, returned: 1, confirmed: 0, nacked: 0 });
  });

  it('counts Direct Reply-to replies as deliveries from the pseudo-queue, which no queue holds', () => {
    const plan = planOf(presetById('rpc')!.doc);
    const server = consumerLines(plan.consumers[0]);
    const client = producerLines(plan.producers[0]);
    const output = [
      `    10 ms  ${client.publish}1 id p1-1${client.exchange}"rpc_queue"`,
      `    12 ms  ${server.deliver}1 id p1-1 x-death {}`,
      `   500 ms  ${server.reply}"amq.rabbitmq.reply-to.g1h2AAAA.abc"`,
      `   501 ms  ${server.ack}1`,
      `   502 ms  ${client.reply}1 correlation req-1`,
    ].join('\n');
    const { counts } = tally(plan, output);
    expect(counts.queues['//rpc_queue']).toEqual({ delivered: 1, acked: 1, deadLettered: 0, left: 0 });
    expect(counts.queues['//amq.rabbitmq.reply-to']).toEqual({ delivered: 1, acked: 0, deadLettered: 0, left: 0 });
  });
});
