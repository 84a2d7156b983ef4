// A classic mirrored queue whose master node stops while none of its mirrors is synchronised: what
// `ha-promote-on-shutdown` (default `when-synced`, or `always`) makes of it. The mirror on r2 is
// unsynchronised by design: the queue gets its messages while the policy mirrors it nowhere, then the policy
// adds r2 under `ha-sync-mode: manual`, so the new mirror never receives the messages already there.
import { body, info, until, within, record, confirmPublish } from '../../rabbitmq-3.10/cluster/lib.mjs';

const noTag = (m) => { const i = info(m); delete i.deliveryTag; delete i.messageCount; return i; };
const drainAll = async (c, q) => { const out = []; for (;;) { const m = await c.get(q, { noAck: true }); if (!m) return out; out.push(noTag(m)); } };
const R1 = 'r1@localhost', R2 = 'r2@localhost';
// node stops and starts take 10-30 s each on a loaded machine: these cases get more than the 120 s default
const TIMEOUT_MS = 300000;

/** Declares q on r1 (master only), puts two persistent messages in it, then mirrors it to r2, unsynchronised. */
async function unsyncedMirror(ch, wait, ctx, q, policy, pattern, extra) {
  const def = (nodes) => ({ 'ha-mode': 'nodes', 'ha-params': nodes, 'ha-sync-mode': 'manual', ...extra });
  await ctx.admin.setPolicy(policy, pattern, def([R1]), { applyTo: 'queues' });
  await ch.assertQueue(q, { durable: true });
  ch.sendToQueue(q, body('a'), { persistent: true });
  ch.sendToQueue(q, body('b'), { persistent: true });
  await ch.checkQueue(q); // both publishes are in the queue before the mirror joins
  await ctx.admin.setPolicy(policy, pattern, def([R1, R2]), { applyTo: 'queues' });
  return until(wait, async () => { const i = await ctx.queueInfo(q); return i && i.mirrors.length === 1 ? i : null; }, { tries: 50 });
}

async function stopMaster(ctx, wait) {
  const ev1 = record(ctx.conn);
  await ctx.admin.stopNode(1);
  await until(wait, () => ev1.some((e) => e.event === 'close'), { tries: 50 });
  await wait(1000);
}

export const scenarios = [
  {
    name: 'w-mirror-unsynced-master-stop',
    timeoutMs: TIMEOUT_MS,
    desc: 'ha-mode nodes [r1,r2], manual sync, default ha-promote-on-shutdown (when-synced): the r2 mirror is unsynchronised when master r1 stops; the unsynchronised mirror is not promoted: what the queue looks like, what a declare, get and confirmed publish through r3 do, and what is there when r1 returns',
    async run(ch, wait, log, ctx) {
      const q = 'w.mus.q';
      try {
        log({ before: await unsyncedMirror(ch, wait, ctx, q, 'w.mus.ha', '^w\\.mus\\.', {}) });
        const c3 = await ctx.connect({ node: 3 });
        const ch3 = await c3.createChannel();
        const cc3 = await c3.createConfirmChannel();
        try {
          await stopMaster(ctx, wait);
          log({ afterStop: await ctx.queueInfo(q) });
          log({ passiveDeclare: await within(wait, 2000, ch3.checkQueue(q)) });
          const get = within(wait, 2000, ch3.get(q, { noAck: true }));
          log({ get: await get });
          log({ confirmedPublish: await within(wait, 2000, confirmPublish(cc3, '', q, body('c'), { persistent: true })) });
        } finally {
          await ctx.admin.startNode(1);
        }
        await wait(1000);
        const back = await until(wait, async () => { const i = await ctx.queueInfo(q); return i && i.state !== 'down' ? i : null; }, { tries: 50 });
        log({ afterRestart: back });
        const c1 = await ctx.connect({ node: 1 });
        const ch1 = await c1.createChannel();
        log({ drained: await drainAll(ch1, q) });
        await ch1.deleteQueue(q);
      } finally {
        await ctx.admin.clearPolicy('w.mus.ha');
      }
    },
  },
  {
    name: 'w-mirror-unsynced-promote-always',
    timeoutMs: TIMEOUT_MS,
    desc: 'the same with ha-promote-on-shutdown: always: the unsynchronised r2 mirror is promoted when r1 stops; what it has of the messages it never received, and what r1 brings back',
    async run(ch, wait, log, ctx) {
      const q = 'w.mua.q';
      try {
        log({ before: await unsyncedMirror(ch, wait, ctx, q, 'w.mua.ha', '^w\\.mua\\.', { 'ha-promote-on-shutdown': 'always' }) });
        const c3 = await ctx.connect({ node: 3 });
        const ch3 = await c3.createChannel();
        try {
          await stopMaster(ctx, wait);
          log({ afterStop: await until(wait, async () => { const i = await ctx.queueInfo(q); return i && i.node === 2 ? i : null; }, { tries: 30 }) });
          log({ passiveDeclare: await within(wait, 2000, ch3.checkQueue(q)) });
          ch3.sendToQueue(q, body('c'), { persistent: true });
          await wait(300);
          log({ drainedViaR3: await drainAll(ch3, q) });
        } finally {
          await ctx.admin.startNode(1);
        }
        await wait(1000);
        log({ afterRestart: await until(wait, async () => { const i = await ctx.queueInfo(q); return i && i.mirrors.length === 1 ? i : null; }, { tries: 50 }) });
        await ch3.deleteQueue(q);
      } finally {
        await ctx.admin.clearPolicy('w.mua.ha');
      }
    },
  },
];
