import { relocatable } from '../kernel/copy';
import type { Kernel } from '../kernel/kernel';
import type { ServerConnection } from './ports';
import { DEFAULT_RESOURCES, type ResourceSettings } from './resources';

/** What `admin.resources()` reports. */
export interface ResourcesView {
  memory: { used: number; limit: number; total: number; watermark: number; queuedBytes: number };
  disk: { free: number; limit: number };
  alarms: ('memory' | 'disk')[];
}

/**
 * Bytes queued across the broker, kept by every queue's ready store. Crossing `high` (or going
 * below `low`) calls back, so the store's hot path costs one add and one compare.
 */
export class MemoryMeter {
  bytes = 0;
  high = Infinity;
  low = -Infinity;
  constructor(private readonly onCross: () => void) {}
  cross(): void {
    this.onCross();
  }
}

/**
 * Resource alarms (memory high watermark, disk free limit) and the connection blocking they
 * cause: a connection that publishes while an alarm is set gets `blocked` (once) and its
 * publishes are held; when every alarm has cleared it gets `unblocked` and they go on, in order.
 */
export class Alarms {
  readonly settings: ResourceSettings;
  readonly meter = new MemoryMeter(relocatable(this, this.update));
  memory = false;
  disk = false;
  /** Whether publishes are being held (some alarm is set). Read on every publish. */
  blocking = false;
  /** Blocked connections and their held publishes, each a function that lets it go on. */
  private readonly held = new Map<ServerConnection, (() => void)[]>();

  constructor(private readonly kernel: Kernel, options: Partial<ResourceSettings> | undefined) {
    this.settings = { ...DEFAULT_RESOURCES };
    if (options !== undefined && (options === null || typeof options !== 'object')) throw new TypeError('resources must be an object');
    for (const [k, v] of Object.entries(options ?? {})) {
      if (!(k in this.settings)) throw new TypeError(`unknown resources setting '${k}'`);
      checkNonNegative(`resources.${k}`, v);
      this.settings[k as keyof ResourceSettings] = v as number;
    }
    if (this.settings.memoryHighWatermark > 1) throw new TypeError('resources.memoryHighWatermark must be a fraction between 0 and 1');
    this.update();
  }

  get memoryLimit(): number {
    return Math.floor(this.settings.memoryHighWatermark * this.settings.totalMemory);
  }

  get memoryUsed(): number {
    return this.settings.baseMemory + this.meter.bytes;
  }

  /** Changes limits or modelled resources (validated first: nothing changes on a bad value). */
  configure(change: Partial<ResourceSettings>): void {
    for (const [k, v] of Object.entries(change)) {
      if (!(k in this.settings)) throw new TypeError(`unknown resources setting '${k}'`);
      checkNonNegative(k, v);
    }
    if (change.memoryHighWatermark !== undefined && change.memoryHighWatermark > 1) {
      throw new RangeError(`memory high watermark must be a fraction between 0 and 1, got ${change.memoryHighWatermark}`);
    }
    Object.assign(this.settings, change);
    this.update();
  }

  /** Recomputes both alarms; emits alarm-set / alarm-cleared; releases held publishes when all clear. */
  update(): void {
    const queuedLimit = this.memoryLimit - this.settings.baseMemory;
    const memory = this.meter.bytes > queuedLimit;
    const disk = this.settings.diskFree < this.settings.diskFreeLimit;
    this.meter.high = memory ? Infinity : queuedLimit;
    this.meter.low = memory ? queuedLimit + 1 : -Infinity;
    const trace = this.kernel.trace;
    if (memory !== this.memory) trace.emit({ type: memory ? 'alarm-set' : 'alarm-cleared', resource: 'memory' });
    if (disk !== this.disk) trace.emit({ type: disk ? 'alarm-set' : 'alarm-cleared', resource: 'disk' });
    this.memory = memory;
    this.disk = disk;
    const was = this.blocking;
    this.blocking = memory || disk;
    if (was && !this.blocking) this.kernel.defer(() => this.release());
  }

  /** The `connection.blocked` reason text. */
  reason(): string {
    return this.memory && this.disk ? 'low on disk & memory' : this.memory ? 'low on memory' : 'low on disk';
  }

  /** A publish on `conn` while an alarm is set: held (`resume` lets it go on); the connection hears `blocked` the first time. */
  hold(conn: ServerConnection, resume: () => void): void {
    let list = this.held.get(conn);
    if (!list) {
      this.held.set(conn, (list = []));
      const reason = this.reason();
      this.kernel.trace.emit({ type: 'connection-blocked', connection: conn.id, reason });
      this.kernel.defer(() => conn.emit('blocked', reason));
    }
    list.push(resume);
  }

  /** Whether a connection is blocked (for the admin views and snapshots). */
  isBlocked(conn: ServerConnection): boolean {
    return this.held.has(conn);
  }

  /** Every alarm cleared: each blocked connection gets `unblocked` and its held publishes go on. */
  private release(): void {
    if (this.blocking) return;
    const all = [...this.held];
    this.held.clear();
    for (const [conn, list] of all) {
      if (!conn.isOpen) continue;
      this.kernel.trace.emit({ type: 'connection-unblocked', connection: conn.id });
      this.kernel.runUserCode(() => conn.emit('unblocked'));
      for (const resume of list) {
        if (this.blocking) this.hold(conn, resume);
        else resume();
      }
    }
  }

  /** A connection went away: its held publishes are dropped. */
  forget(conn: ServerConnection): void {
    this.held.delete(conn);
  }

  view(): ResourcesView {
    const s = this.settings;
    const alarms: ('memory' | 'disk')[] = [];
    if (this.memory) alarms.push('memory');
    if (this.disk) alarms.push('disk');
    return {
      memory: { used: this.memoryUsed, limit: this.memoryLimit, total: s.totalMemory, watermark: s.memoryHighWatermark, queuedBytes: this.meter.bytes },
      disk: { free: s.diskFree, limit: s.diskFreeLimit },
      alarms,
    };
  }
}

function checkNonNegative(what: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${what} must be a non-negative number, got ${String(v)}`);
}
