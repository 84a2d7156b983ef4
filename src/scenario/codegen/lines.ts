/**
 * What every generated program prints, the same in every language, so a person can read it and
 * `conformance:real` can count it (scripts/real/codegen-counts.ts parses these lines):
 *
 *     1203 ms  publish "jobs" #3 id p1-3 exchange "work" key "task"
 *     1210 ms  deliver "worker" queue "work" tag 3 id p1-3 x-death {}
 *     1710 ms  ack "worker" queue "work" tag 3
 *     1710 ms  reject "worker" queue "work" tag 4
 *     1710 ms  nack "worker" queue "work" tag 4 requeue
 *     1711 ms  return "jobs" key "nowhere" 312 NO_ROUTE
 *     1712 ms  confirm "jobs" #3 ack
 *     2000 ms  reply "rpc-server" to "amq.rabbitmq.reply-to.g1h2AA..."
 *     2003 ms  deliver "rpc-client" queue "amq.rabbitmq.reply-to" tag 1 correlation req-1
 *    60000 ms  stop
 *
 * Names are written as JSON strings. The fixed start of each line is built here, once, so every
 * language prints exactly the same text.
 */
import { DIRECT_REPLY_TO, type ConsumerPlan, type ProducerPlan } from './plan';

const q = (s: string) => JSON.stringify(s);

export const consumerLines = (c: ConsumerPlan) => {
  const at = `${q(c.name)} queue ${q(c.queue)} tag `;
  return { deliver: `deliver ${at}`, ack: `ack ${at}`, nack: `nack ${at}`, reject: `reject ${at}`, reply: `reply ${q(c.name)} to ` };
};

export const producerLines = (p: ProducerPlan) => ({
  publish: `publish ${q(p.name)} #`,
  /** After the number: the message id, then the exchange, then the key. */
  exchange: ` exchange ${q(p.exchange)} key `,
  returned: `return ${q(p.name)} key `,
  confirm: `confirm ${q(p.name)} #`,
  /** A Direct Reply-to reply the producer's channel received; then its tag, ' correlation ', its correlation id. */
  reply: `deliver ${q(p.name)} queue ${q(DIRECT_REPLY_TO)} tag `,
});

/** A message id that names the producer (by position) and the message number: `p2-17`. */
export const messageIdPrefix = (index: number) => `p${index + 1}-`;
