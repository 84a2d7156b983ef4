/**
 * Per-message index of trace events, bounded to the most recent messages, so the message
 * inspector can follow one message (and the copies dead-lettered from it) without a scan.
 */
import type { TraceEvent } from '../engine';
import type { MessageDetails } from './protocol';

const MAX_MESSAGES = 20_000;

export class MessageHistory {
  private byId = new Map<number, TraceEvent[]>();
  private children = new Map<number, number[]>();
  private info = new Map<number, MessageDetails>();

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
    }
  }

  /** Remember what a message carried (seen at delivery or publish). */
  remember(id: number, details: MessageDetails): void {
    if (this.byId.has(id)) this.info.set(id, details);
  }

  details(id: number): MessageDetails | undefined {
    return this.info.get(id);
  }

  /** The message's events and its dead-lettered descendants', in trace order. */
  eventsOf(id: number): TraceEvent[] {
    const out: TraceEvent[] = [];
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
    this.children.delete(id);
    this.info.delete(id);
  }
}
