/**
 * Per-message index of trace events, bounded to the most recent messages, so the message
 * inspector can follow one message (and the copies dead-lettered from it) without a scan.
 */
import type { TraceEvent } from '../engine';
import type { MessageDetails } from './protocol';

const MAX_MESSAGES = 20_000;
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

export class MessageHistory {
  private byId = new Map<number, TraceEvent[]>();
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
      if (this.byId.size > MAX_MESSAGES) this.forget(this.byId.keys().next().value as number);
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
    this.info.set(id, { content, properties });
    if (this.info.size > MAX_MESSAGES) this.info.delete(this.info.keys().next().value as number);
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
