/**
 * Per-message index of trace events, bounded to the most recent messages, so the message
 * inspector can follow one message (and the copies dead-lettered from it) without a scan.
 */
import { COPY, type TraceEvent } from '../engine';
import type { MessageDetails } from './protocol';

const MAX_MESSAGES = 20_000;
/** Messages whose history a checkpoint of the run keeps (the newest): all of it would be most of a checkpoint's size. */
const KEPT_BY_COPIES = 300;
/** About what a message's history takes in memory (its events are mostly the log's too). */
const MESSAGE_BYTES = 400;
/** Bytes of a body shown in the inspector. */
const MAX_BODY = 4_096;
const decoder = new TextDecoder();

/** Properties as plain data (header values that are byte arrays become text). */
function structuredCloneSafe(props: Record<string, unknown>): Record<string, unknown> {
  const plain = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return decoder.decode(v);
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return plain(props) as Record<string, unknown>;
}

/**
 * Insertion order of a bounded map's keys, oldest first. Evicting with `map.keys().next()` costs a
 * scan over every deleted entry V8 still keeps at the front of the table (thousands, between
 * rehashes), on every insert; a queue of keys costs nothing.
 */
class KeyQueue {
  private keys = new Float64Array(1024);
  private head = 0;
  private size = 0;

  push(key: number): void {
    if (this.size === this.keys.length) {
      const next = new Float64Array(this.keys.length * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.keys[(this.head + i) % this.keys.length];
      this.keys = next;
      this.head = 0;
    }
    this.keys[(this.head + this.size++) % this.keys.length] = key;
  }

  /** The newest `n` keys, oldest first. */
  newest(n: number): number[] {
    const out: number[] = [];
    for (let i = Math.max(0, this.size - n); i < this.size; i++) out.push(this.keys[(this.head + i) % this.keys.length]);
    return out;
  }

  shift(): number | undefined {
    if (!this.size) return undefined;
    const key = this.keys[this.head];
    this.head = (this.head + 1) % this.keys.length;
    this.size--;
    return key;
  }
}

export class MessageHistory {
  private byId = new Map<number, TraceEvent[]>();
  private order = new KeyQueue();
  private infoOrder = new KeyQueue();
  private children = new Map<number, number[]>();
  /** Dead-lettered copy → the `dead-lettered` event that made it (its parent's). */
  private origin = new Map<number, TraceEvent>();
  private info = new Map<number, { content: Uint8Array; properties: Record<string, unknown> }>();

  record(e: TraceEvent): void {
    if (!('id' in e) || e.type === 'confirmed') return;
    let list = this.byId.get(e.id);
    if (!list) {
      list = [];
      this.byId.set(e.id, list);
      this.order.push(e.id);
      while (this.byId.size > MAX_MESSAGES) {
        const oldest = this.order.shift();
        if (oldest === undefined) break;
        this.forget(oldest);
      }
    }
    list.push(e);
    if (e.type === 'dead-lettered') {
      const kids = this.children.get(e.id) ?? [];
      kids.push(e.newId);
      this.children.set(e.id, kids);
      this.origin.set(e.newId, e);
    }
  }

  /** Remember what a message carries (by reference: decoded only when someone asks). */
  remember(id: number, content: Uint8Array, properties: Record<string, unknown>): void {
    if (!this.info.has(id)) this.infoOrder.push(id);
    this.info.set(id, { content, properties });
    while (this.info.size > MAX_MESSAGES) {
      const oldest = this.infoOrder.shift();
      if (oldest === undefined) break;
      this.info.delete(oldest);
    }
  }

  /**
   * A checkpoint's copy (engine/kernel/copy.ts): the histories of the newest messages only, sharing
   * their events and bodies (never changed once recorded).
   */
  [COPY](_copy: unknown, account: (bytes: number) => void): MessageHistory {
    const c = new MessageHistory();
    for (const id of this.order.newest(KEPT_BY_COPIES)) {
      const list = this.byId.get(id);
      if (!list) continue;
      c.byId.set(id, list.slice());
      c.order.push(id);
      const kids = this.children.get(id);
      if (kids) c.children.set(id, kids.slice());
      const origin = this.origin.get(id);
      if (origin) c.origin.set(id, origin);
    }
    for (const id of this.infoOrder.newest(KEPT_BY_COPIES)) {
      const info = this.info.get(id);
      if (!info) continue;
      c.info.set(id, info);
      c.infoOrder.push(id);
    }
    account(c.byId.size * MESSAGE_BYTES);
    return c;
  }

  details(id: number): MessageDetails | undefined {
    const m = this.info.get(id);
    if (!m) return undefined;
    const text = decoder.decode(m.content.subarray(0, MAX_BODY));
    return { body: m.content.byteLength > MAX_BODY ? `${text}…` : text, properties: structuredCloneSafe(m.properties) };
  }

  /** The `dead-lettered` event a copy was made by (it names the parent), if the copy is one. */
  originOf(id: number): Extract<TraceEvent, { type: 'dead-lettered' }> | undefined {
    return this.origin.get(id) as Extract<TraceEvent, { type: 'dead-lettered' }> | undefined;
  }

  /**
   * The message's events and its dead-lettered descendants', in trace order; for a
   * dead-lettered copy, first the parent's event that made it.
   */
  eventsOf(id: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    const origin = this.origin.get(id);
    if (origin) out.push(origin);
    const visit = (m: number, depth: number) => {
      if (depth > 64) return;
      out.push(...(this.byId.get(m) ?? []));
      for (const k of this.children.get(m) ?? []) visit(k, depth + 1);
    };
    visit(id, 0);
    return out.sort((a, b) => a.seq - b.seq);
  }

  private forget(id: number): void {
    this.byId.delete(id);
    for (const k of this.children.get(id) ?? []) this.origin.delete(k);
    this.origin.delete(id);
    this.children.delete(id);
    this.info.delete(id);
  }
}
