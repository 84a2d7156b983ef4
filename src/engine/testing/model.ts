/**
 * Test support: replays a run's event stream (the engine's trace plus the runner's markers)
 * through a strict model of message copies, consumers and channels, and reports every place the
 * engine's trace or snapshots disagree with it, grouped by property.
 *
 * A copy is one message in one queue, identified by (id, queue); a message that reached no queue
 * is the copy (id, null). Each copy is in exactly one state at a time; every trace event must be a
 * legal transition from the state the model holds, and at the end the model's ready/unacked
 * counts must equal the broker's snapshot.
 */
import type { BrokerSnapshot } from '../views/snapshot';
import type { TraceEvent } from '../kernel/trace';
import type { RunEvent, RunResult, Scenario } from './scenario';
import { FINAL_STATES, key, type ChannelModel, type ConsumerModel, type Copy, type CopyState, type ModelReport, type MsgInfo, type Property, type Violation } from './model-types';

export { violationsOf } from './model-types';
export type { Property } from './model-types';

export function checkRun(sc: Scenario, run: RunResult): ModelReport {
  const violations: Violation[] = [];
  const v = (property: Property, text: string) => {
    if (violations.length < 50) violations.push({ property, text });
  };
  const copies = new Map<string, Copy>();
  const msgs = new Map<number, MsgInfo>();
  const channels = new Map<number, ChannelModel>();
  const consumers = new Map<string, ConsumerModel>();
  const queueSeq = new Map<string, number>();
  const maxPriority = new Map(sc.topology.queues.map((q) => [q.name, q.maxPriority ?? -1]));
  const overflow = new Map(sc.topology.queues.map((q) => [q.name, q.overflow ?? 'drop-head']));
  const dropHeadDlx = new Map(
    sc.topology.queues
      .filter((q) => (q.overflow ?? 'drop-head') === 'drop-head' && q.dlx !== undefined && (q.maxLength !== undefined || q.maxLengthBytes !== undefined))
      .map((q) => [q.name, { len: q.maxLength ?? Infinity, bytes: q.maxLengthBytes ?? Infinity }]),
  );
  /**
   * While a publish reaches several queues, the engine holds dead-lettering back until it reached
   * them all (vhost.holdDeadLetters): a drop-head max-length queue with a DLX then drops its head
   * at once but traces 'dead-lettered' later. So before each event about such a queue, its heads
   * beyond the limits (highest priority first, oldest first) count as dropped, awaiting that event.
   */
  const applyMaxLength = (queue: string) => {
    const lim = dropHeadDlx.get(queue);
    if (!lim) return;
    const rs = ready(queue).sort((a, b) => b.bucket - a.bucket || a.seq - b.seq);
    let bytes = rs.reduce((n, c) => n + (msgs.get(c.id)?.size ?? 0), 0);
    let len = rs.length;
    for (const c of rs) {
      if (len <= lim.len && bytes <= lim.bytes) break;
      c.state = 'held-dead-letter';
      len--;
      bytes -= msgs.get(c.id)?.size ?? 0;
    }
  };
  let at = '';

  const channel = (id: number): ChannelModel => {
    let c = channels.get(id);
    if (!c) {
      c = { lastTag: 0, prefetch: 0, global: 0, consumerUnacked: 0, open: true, pendingPriorities: [], confirmed: new Map(), published: new Map() };
      channels.set(id, c);
    }
    return c;
  };
  const copyOf = (id: number, queue: string | null, e: RunEvent): Copy | null => {
    const c = copies.get(key(id, queue));
    if (!c) v('accounting', `${at}: ${e.type} for an unknown copy (${id}, ${queue})`);
    return c ?? null;
  };
  const expect = (c: Copy, states: CopyState[], e: RunEvent): boolean => {
    if (states.includes(c.state)) return true;
    v('accounting', `${at}: ${e.type} for copy (${c.id}, ${c.queue}) in state ${c.state} (expected ${states.join('/')})`);
    return false;
  };
  const newCopy = (id: number, queue: string | null, state: CopyState): Copy => {
    const k = key(id, queue);
    if (copies.has(k)) v('accounting', `${at}: copy (${id}, ${queue}) created twice`);
    const c: Copy = { id, queue, state, seq: 0, bucket: 0, requeued: false, holder: null };
    copies.set(k, c);
    return c;
  };
  const ready = (queue: string) => [...copies.values()].filter((c) => c.queue === queue && c.state === 'ready');
  /** A copy leaves the ready list: it must be the oldest of its priority level, and (`top`) of the highest non-empty level. */
  const checkHead = (c: Copy, top: boolean, how: string) => {
    const rs = ready(c.queue!);
    const sameBucket = rs.filter((r) => r.bucket === c.bucket);
    const older = sameBucket.find((r) => r.seq < c.seq);
    if (older) v('fifo', `${at}: ${how} (${c.id}, ${c.queue}) #${c.seq} ahead of older #${older.seq} (id ${older.id}) at priority ${c.bucket}`);
    if (top) {
      const higher = rs.find((r) => r.bucket > c.bucket);
      if (higher) v('fifo', `${at}: ${how} (${c.id}, ${c.queue}) at priority ${c.bucket} while ${higher.id} waits at priority ${higher.bucket}`);
    }
  };
  const release = (c: Copy) => {
    const h = c.holder;
    if (!h) return;
    c.holder = null;
    if (h.consumer !== null) {
      const cm = consumers.get(`${h.channel}/${h.consumer}`);
      if (cm) cm.unacked--;
      channel(h.channel).consumerUnacked--;
    }
  };
  const holderCheck = (c: Copy, e: { channel: number; deliveryTag: number }) => {
    if (!c.holder || c.holder.channel !== e.channel || c.holder.tag !== e.deliveryTag) {
      v('accounting', `${at}: settled (${c.id}, ${c.queue}) as ${e.channel}#${e.deliveryTag} but it was delivered as ${c.holder ? `${c.holder.channel}#${c.holder.tag}` : 'nothing'}`);
    }
  };

  const compare = (snap: BrokerSnapshot, phase: string) => {
    for (const c of copies.values()) {
      if (!FINAL_STATES.includes(c.state)) v('accounting', `${phase}: copy (${c.id}, ${c.queue}) left in transitional state ${c.state}`);
      if (phase === 'closed' && c.state === 'unacked') v('accounting', `closed: copy (${c.id}, ${c.queue}) still unacked after its channel closed`);
    }
    for (const q of snap.queues) {
      const mine = [...copies.values()].filter((c) => c.queue === q.name);
      const r = mine.filter((c) => c.state === 'ready').length;
      const u = mine.filter((c) => c.state === 'unacked').length;
      if (r !== q.ready) v('accounting', `${phase}: queue ${q.name} has ${q.ready} ready, the trace accounts for ${r}`);
      if (u !== q.unacked) v('accounting', `${phase}: queue ${q.name} has ${q.unacked} unacked, the trace accounts for ${u}`);
      for (const ci of q.consumers) {
        const cm = consumers.get(`${ci.channel}/${ci.consumerTag}`);
        if (!cm || cm.unacked !== ci.unacked) v('prefetch', `${phase}: consumer ${ci.consumerTag} has ${ci.unacked} unacked, the trace accounts for ${cm?.unacked}`);
        if (ci.prefetch > 0 && ci.unacked > ci.prefetch) v('prefetch', `${phase}: consumer ${ci.consumerTag} holds ${ci.unacked} > prefetch ${ci.prefetch}`);
      }
    }
    for (const ch of snap.channels) {
      const held = [...copies.values()].filter((c) => c.state === 'unacked' && c.holder?.channel === ch.id).length;
      if (held !== ch.unacked) v('accounting', `${phase}: channel ${ch.id} has ${ch.unacked} unacked, the trace accounts for ${held}`);
    }
  };

  run.events.forEach((ev, index) => {
    at = `event ${index} (${ev.type}${'t' in ev ? ` t=${ev.t}` : ''})`;
    const e = ev as TraceEvent;
    switch (ev.type) {
      case 'x-prefetch': {
        const c = channel(ev.channel);
        if (ev.global) c.global = ev.count;
        else c.prefetch = ev.count;
        return;
      }
      case 'x-publish':
        channel(ev.channel).pendingPriorities.push(ev.priority);
        return;
      case 'x-phase':
        if (ev.phase === 'end') {
          compare(run.endSnapshot, 'end');
          for (const [id, ch] of channels) {
            if (!ch.open) continue;
            for (const [seq] of ch.published) if (!ch.confirmed.has(seq)) v('confirms', `end: publish ${seq} on channel ${id} never confirmed`);
            const client = run.confirms.get(id) ?? new Map<number, boolean>();
            for (const [seq, ack] of ch.confirmed) {
              if (client.get(seq) !== ack) v('confirms', `end: the broker confirmed ${id}/${seq} as ${ack}, the client callback saw ${client.get(seq)}`);
            }
          }
        } else if (ev.phase === 'closed') compare(run.closedSnapshot, 'closed');
        return;
    }
    // (not before a delivery: a message handed straight to a consumer never counted against the limit)
    if ('queue' in e && typeof e.queue === 'string' && 'id' in e && e.type !== 'delivered') applyMaxLength(e.queue);
    switch (e.type) {
      case 'channel-opened':
        channel(e.channel);
        return;
      case 'channel-closed': {
        const c = channel(e.channel);
        c.open = false;
        const held = [...copies.values()].filter((x) => x.state === 'unacked' && x.holder?.channel === e.channel);
        if (held.length) v('accounting', `${at}: channel ${e.channel} closed with ${held.length} deliveries not requeued`);
        return;
      }
      case 'consumer-added': {
        const c = channel(e.channel);
        consumers.set(`${e.channel}/${e.consumerTag}`, { channel: e.channel, queue: e.queue, prefetch: c.prefetch, noAck: e.noAck, unacked: 0, active: true });
        return;
      }
      case 'consumer-cancelled': {
        const cm = consumers.get(`${e.channel}/${e.consumerTag}`);
        if (!cm || !cm.active) v('accounting', `${at}: cancel of unknown consumer ${e.consumerTag}`);
        else cm.active = false;
        return;
      }
      case 'published': {
        if (msgs.has(e.id)) v('accounting', `${at}: message ${e.id} published twice`);
        const ch = channel(e.channel);
        const priority = ch.pendingPriorities.shift();
        if (priority === undefined) v('client', `${at}: published on channel ${e.channel} without a client publish`);
        msgs.set(e.id, { priority: priority ?? 0, size: e.size, mandatory: e.mandatory, confirm: e.publishSeq ? { channel: e.channel, seq: e.publishSeq } : null, rejectedPublish: false });
        if (e.publishSeq) {
          if (ch.published.has(e.publishSeq)) v('confirms', `${at}: publish seq ${e.publishSeq} used twice on channel ${e.channel}`);
          ch.published.set(e.publishSeq, e.id);
        }
        newCopy(e.id, null, 'routing');
        return;
      }
      case 'routed': {
        const c = copyOf(e.id, null, e);
        if (!c || !expect(c, ['routing'], e)) return;
        copies.delete(key(e.id, null));
        if (new Set(e.queues).size !== e.queues.length) v('accounting', `${at}: message ${e.id} routed to a queue twice: ${e.queues.join(',')}`);
        for (const q of e.queues) newCopy(e.id, q, 'transit');
        return;
      }
      case 'unroutable': {
        const c = copyOf(e.id, null, e);
        if (c && expect(c, ['routing'], e)) c.state = 'unroutable';
        return;
      }
      case 'returned': {
        const c = copyOf(e.id, null, e);
        if (c && expect(c, ['unroutable'], e)) c.state = 'returned';
        if (!msgs.get(e.id)?.mandatory) v('accounting', `${at}: message ${e.id} returned but not mandatory`);
        return;
      }
      case 'enqueued': {
        const c = copyOf(e.id, e.queue, e);
        if (!c || !expect(c, ['transit'], e)) return;
        const before = ready(e.queue).length;
        if (before !== e.ready) v('accounting', `${at}: enqueued into ${e.queue} reports ${e.ready} ready, the trace accounts for ${before}`);
        c.state = 'ready';
        const n = (queueSeq.get(e.queue) ?? 0) + 1;
        queueSeq.set(e.queue, n);
        c.seq = n;
        const mp = maxPriority.get(e.queue) ?? -1;
        const p = msgs.get(e.id)?.priority ?? 0;
        c.bucket = mp < 0 ? 0 : Math.min(p, mp);
        return;
      }
      case 'delivered': {
        const c = copyOf(e.id, e.queue, e);
        const ch = channel(e.channel);
        if (e.deliveryTag !== ch.lastTag + 1) v('tags', `${at}: channel ${e.channel} delivery tag ${e.deliveryTag} after ${ch.lastTag}`);
        ch.lastTag = e.deliveryTag;
        if (!c || !expect(c, ['ready'], e)) return;
        checkHead(c, true, 'delivered');
        if (e.redelivered !== c.requeued) v('accounting', `${at}: (${c.id}, ${c.queue}) delivered with redelivered=${e.redelivered}, requeued before: ${c.requeued}`);
        if (e.noAck) {
          c.state = 'acked';
          return;
        }
        c.state = 'unacked';
        c.holder = { channel: e.channel, tag: e.deliveryTag, consumer: e.consumerTag };
        if (e.consumerTag !== null) {
          const cm = consumers.get(`${e.channel}/${e.consumerTag}`);
          if (!cm || !cm.active) {
            v('prefetch', `${at}: delivery to an unknown or cancelled consumer ${e.consumerTag}`);
            return;
          }
          cm.unacked++;
          ch.consumerUnacked++;
          if (cm.prefetch > 0 && cm.unacked > cm.prefetch) v('prefetch', `${at}: consumer ${e.consumerTag} holds ${cm.unacked} unacked, prefetch ${cm.prefetch}`);
          if (ch.global > 0 && ch.consumerUnacked > ch.global) v('prefetch', `${at}: channel ${e.channel} holds ${ch.consumerUnacked} unacked, global prefetch ${ch.global}`);
        }
        return;
      }
      case 'acked': {
        const c = copyOf(e.id, e.queue, e);
        if (!c || !expect(c, ['unacked'], e)) return;
        holderCheck(c, e);
        release(c);
        c.state = 'acked';
        return;
      }
      case 'nacked':
      case 'rejected': {
        const c = copyOf(e.id, e.queue, e);
        if (!c || !expect(c, ['unacked'], e)) return;
        holderCheck(c, e);
        release(c);
        c.state = e.requeue ? 'settling-requeue' : 'settling-discard';
        return;
      }
      case 'requeued': {
        const c = copyOf(e.id, e.queue, e);
        if (!c) return;
        if (e.cause === 'nack' || e.cause === 'reject') {
          if (!expect(c, ['settling-requeue'], e)) return;
        } else {
          // recover / channel close return every delivery of the channel at once (the trace then
          // names them queue by queue, and a queue may deliver again in between)
          if (c.state === 'unacked' && c.holder) {
            const chId = c.holder.channel;
            for (const x of copies.values()) {
              if (x.state === 'unacked' && x.holder?.channel === chId) {
                release(x);
                x.state = 'settling-requeue';
              }
            }
          }
          if (!expect(c, ['settling-requeue'], e)) return;
        }
        c.state = 'ready';
        c.requeued = true;
        return;
      }
      case 'expired': {
        const c = copyOf(e.id, e.queue, e);
        if (!c || !expect(c, ['ready'], e)) return;
        checkHead(c, false, 'expired');
        c.state = 'expiring';
        return;
      }
      case 'dropped': {
        const c = copyOf(e.id, e.queue, e);
        if (!c) return;
        switch (e.reason) {
          case 'reject-publish':
            if (!expect(c, ['transit'], e)) return;
            c.state = overflow.get(e.queue!) === 'reject-publish-dlx' ? 'rejected-publish' : 'dropped';
            msgs.get(e.id)!.rejectedPublish = true;
            return;
          case 'dlx-cycle':
            if (expect(c, ['transit'], e)) c.state = 'dropped';
            return;
          case 'maxlen':
          case 'maxlen-bytes':
            if (!expect(c, ['ready'], e)) return;
            checkHead(c, true, 'dropped from the head');
            c.state = 'dropped';
            return;
          case 'purged':
            if (expect(c, ['ready'], e)) c.state = 'dropped';
            return;
          case 'expired':
            if (expect(c, ['expiring'], e)) c.state = 'expired';
            return;
          case 'rejected':
            if (expect(c, ['settling-discard'], e)) c.state = 'dropped';
            return;
          case 'no-dlx-target':
            if (!expect(c, ['ready', 'expiring', 'settling-discard', 'rejected-publish', 'held-dead-letter'], e)) return;
            if (c.state === 'ready') checkHead(c, true, 'dropped from the head');
            c.state = c.state === 'expiring' ? 'expired' : 'dropped';
            return;
          default:
            v('accounting', `${at}: unexpected drop reason ${e.reason}`);
            return;
        }
      }
      case 'dead-lettered': {
        const c = copyOf(e.id, e.queue, e);
        if (!c) return;
        const from: Record<string, CopyState[]> = { expired: ['expiring'], rejected: ['settling-discard'], maxlen: ['ready', 'rejected-publish', 'held-dead-letter'], delivery_limit: [] };
        if (!expect(c, from[e.reason] ?? [], e)) return;
        if (c.state === 'ready') checkHead(c, true, 'dead-lettered from the head');
        c.state = 'dead-lettered';
        const parent = msgs.get(e.id);
        if (msgs.has(e.newId)) v('accounting', `${at}: dead-lettered copy got an id already used: ${e.newId}`);
        msgs.set(e.newId, { priority: parent?.priority ?? 0, size: parent?.size ?? 0, mandatory: false, confirm: null, rejectedPublish: false });
        newCopy(e.newId, null, 'routing');
        return;
      }
      case 'confirmed': {
        const ch = channel(e.channel);
        if (ch.confirmed.has(e.publishSeq)) v('confirms', `${at}: ${e.channel}/${e.publishSeq} confirmed twice`);
        ch.confirmed.set(e.publishSeq, e.ack);
        const m = msgs.get(e.id);
        if (!m || !m.confirm || m.confirm.channel !== e.channel || m.confirm.seq !== e.publishSeq) {
          v('confirms', `${at}: confirm ${e.channel}/${e.publishSeq} names message ${e.id}, which was not that publish`);
          return;
        }
        if (e.ack === m.rejectedPublish) v('confirms', `${at}: message ${e.id} ${e.ack ? 'acked' : 'nacked'} by confirm but reject-publish ${m.rejectedPublish ? 'did' : 'did not'} refuse it`);
        for (const c of copies.values()) {
          if (c.id === e.id && (c.state === 'transit' || c.state === 'routing')) v('confirms', `${at}: message ${e.id} confirmed before reaching ${c.queue}`);
        }
        return;
      }
      case 'queue-purged': {
        const left = ready(e.queue).length;
        if (left !== 0) v('accounting', `${at}: ${e.queue} purged but ${left} ready copies were not dropped`);
        return;
      }
      default:
        return;
    }
  });

  for (const err of run.errors) v('client', `the client saw an error: ${err}`);
  const states: Record<string, number> = {};
  for (const c of copies.values()) states[c.state] = (states[c.state] ?? 0) + 1;
  // counters agree with the trace
  const count = (t: string) => run.events.filter((x) => x.type === t).length;
  const total = run.stats.total;
  const pairs: [string, number][] = [['published', total.published], ['acked', total.acked], ['delivered', total.delivered], ['expired', total.expired], ['dropped', total.dropped]];
  for (const [t, n] of pairs) if (count(t) !== n) v('accounting', `counter ${t} is ${n}, the trace has ${count(t)} events`);
  return { violations, states, events: run.events.length };
}
