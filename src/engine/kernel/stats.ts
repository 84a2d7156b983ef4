/** Cumulative counters for one entity. Always on, even with detailed tracing off. */
export class Counters {
  published = 0;
  routed = 0;
  unroutable = 0;
  returned = 0;
  enqueued = 0;
  delivered = 0;
  /** Of `delivered`, those by basic.get (the management UI's "get" rate). */
  got = 0;
  redelivered = 0;
  acked = 0;
  nacked = 0;
  rejected = 0;
  requeued = 0;
  expired = 0;
  deadLettered = 0;
  dropped = 0;
  confirmed = 0;
  nackConfirmed = 0;
}

export type CountersSnapshot = { [K in keyof Counters]: number };

/** Per-entity counters, keyed so that a deleted and re-created entity keeps counting. */
export class Stats {
  readonly total = new Counters();
  readonly exchanges = new Map<string, Counters>();
  readonly queues = new Map<string, Counters>();
  readonly consumers = new Map<string, Counters>();
  readonly channels = new Map<string, Counters>();

  counters(map: Map<string, Counters>, key: string): Counters {
    let c = map.get(key);
    if (!c) {
      c = new Counters();
      map.set(key, c);
    }
    return c;
  }

  snapshot(): StatsSnapshot {
    const dump = (m: Map<string, Counters>) => {
      const o: Record<string, CountersSnapshot> = {};
      for (const [k, v] of m) o[k] = { ...v };
      return o;
    };
    return {
      total: { ...this.total },
      exchanges: dump(this.exchanges),
      queues: dump(this.queues),
      consumers: dump(this.consumers),
      channels: dump(this.channels),
    };
  }
}

/**
 * `broker.stats()`: keys are `vhost/name` for exchanges and queues (the default exchange is
 * `vhost/`), `channelId` for channels and `channelId/consumerTag` for consumers.
 */
export interface StatsSnapshot {
  total: CountersSnapshot;
  exchanges: Record<string, CountersSnapshot>;
  queues: Record<string, CountersSnapshot>;
  consumers: Record<string, CountersSnapshot>;
  channels: Record<string, CountersSnapshot>;
}
