import { Binding, type BindingDestination } from './binding';
import { headersMatch } from './headers';
import { TopicTrie } from './topic';
import type { Counters } from '../kernel/stats';

/** The exchange types the broker knows (anything else is a 503 connection error). */
export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'] as const;
export type ExchangeType = (typeof EXCHANGE_TYPES)[number];

export function isExchangeType(t: string): t is ExchangeType {
  return (EXCHANGE_TYPES as readonly string[]).includes(t);
}

/** Collects the bindings an index matches for one routing key. */
export interface MatchSink {
  add(b: Binding): void;
}

interface BindingIndex {
  add(b: Binding): void;
  remove(b: Binding): void;
  match(key: string, headers: Record<string, unknown> | undefined, sink: MatchSink): void;
}

class DirectIndex implements BindingIndex {
  private byKey = new Map<string, Binding[]>();
  add(b: Binding) {
    const l = this.byKey.get(b.routingKey);
    if (l) l.push(b);
    else this.byKey.set(b.routingKey, [b]);
  }
  remove(b: Binding) {
    const l = this.byKey.get(b.routingKey);
    if (!l) return;
    const i = l.indexOf(b);
    if (i >= 0) l.splice(i, 1);
    if (l.length === 0) this.byKey.delete(b.routingKey);
  }
  match(key: string, _h: unknown, sink: MatchSink) {
    const l = this.byKey.get(key);
    if (l) for (let i = 0; i < l.length; i++) sink.add(l[i]);
  }
}

class ListIndex implements BindingIndex {
  protected list: Binding[] = [];
  add(b: Binding) {
    this.list.push(b);
  }
  remove(b: Binding) {
    const i = this.list.indexOf(b);
    if (i >= 0) this.list.splice(i, 1);
  }
  match(_k: string, _h: unknown, sink: MatchSink) {
    for (let i = 0; i < this.list.length; i++) sink.add(this.list[i]);
  }
}

class HeadersIndex extends ListIndex {
  override match(_k: string, headers: Record<string, unknown> | undefined, sink: MatchSink) {
    for (let i = 0; i < this.list.length; i++) {
      const b = this.list[i];
      if (headersMatch(b.headersSpec!, headers)) sink.add(b);
    }
  }
}

class TopicIndex implements BindingIndex {
  private trie = new TopicTrie<Binding>();
  add(b: Binding) {
    this.trie.add(b.routingKey, b);
  }
  remove(b: Binding) {
    this.trie.remove(b.routingKey, b);
  }
  match(key: string, _h: unknown, sink: MatchSink) {
    this.trie.match(key, sink);
  }
}

/** An exchange: its declaration, its bindings as source (indexed by type) and its counters. */
export class Exchange implements BindingDestination {
  readonly kind = 'exchange' as const;
  readonly inbound = new Set<Binding>();
  /** Bindings where this exchange is the source, keyed by signature. */
  readonly bindings = new Map<string, Binding>();
  routeStamp = 0;
  private index: BindingIndex;
  /** Name of the alternate exchange (from the `alternate-exchange` argument, else a policy), if any. */
  alternate: string | null;

  constructor(
    readonly vhost: string,
    readonly name: string,
    readonly type: ExchangeType,
    readonly durable: boolean,
    readonly autoDelete: boolean,
    readonly internal: boolean,
    readonly args: Record<string, unknown>,
    readonly counters: Counters,
  ) {
    this.index =
      type === 'direct' ? new DirectIndex() : type === 'topic' ? new TopicIndex() : type === 'headers' ? new HeadersIndex() : new ListIndex();
    const ae = args['alternate-exchange'];
    this.alternate = typeof ae === 'string' ? ae : null;
  }

  get isDefault(): boolean {
    return this.name === '';
  }

  addBinding(b: Binding): boolean {
    if (this.bindings.has(b.signature)) return false;
    this.bindings.set(b.signature, b);
    b.destination.inbound.add(b);
    this.index.add(b);
    return true;
  }

  removeBinding(b: Binding): void {
    if (this.bindings.get(b.signature) !== b) return;
    this.bindings.delete(b.signature);
    b.destination.inbound.delete(b);
    this.index.remove(b);
  }

  /** Adds to `sink` every binding matching one routing key (headers exchanges ignore the key). */
  match(key: string, headers: Record<string, unknown> | undefined, sink: MatchSink): void {
    this.index.match(key, headers, sink);
  }
}
