/** A listener receives whatever the emitter passes for that event. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners take whatever the event carries, as in Node
export type Listener = (...args: any[]) => void;

/**
 * A tiny EventEmitter (on/once/off/emit/listenerCount), so the engine needs no `node:events`.
 * Unlike Node's, an `error` event with no listener is not thrown: server errors also reject the
 * pending call and appear in the trace, so throwing here would only crash the simulation.
 */
const OBSERVERS = new WeakSet<Listener>();

export class Emitter {
  private listeners: Map<string, Listener[]> | null = null;

  on(event: string, listener: Listener): this {
    if (typeof listener !== 'function') throw new TypeError(`listener for '${event}' must be a function`);
    if (!this.listeners) this.listeners = new Map();
    const list = this.listeners.get(event);
    if (list) list.push(listener);
    else this.listeners.set(event, [listener]);
    return this;
  }

  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener & { inner?: Listener } = (...args: unknown[]) => {
      this.off(event, wrapper);
      listener(...args);
    };
    wrapper.inner = listener;
    return this.on(event, wrapper);
  }

  off(event: string, listener: Listener): this {
    const list = this.listeners?.get(event);
    if (!list) return this;
    const i = list.findIndex((l) => l === listener || (l as { inner?: Listener }).inner === listener);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.listeners!.delete(event);
    return this;
  }

  removeListener(event: string, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string): this {
    if (event === undefined) this.listeners = null;
    else this.listeners?.delete(event);
    return this;
  }

  /** Calls the listeners in registration order; returns whether there were any. */
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners?.get(event);
    if (!list || list.length === 0) return false;
    for (const l of list.slice()) l(...args);
    return true;
  }

  /** Listeners of `event`, not counting observers (see `observe`). */
  listenerCount(event: string): number {
    const list = this.listeners?.get(event);
    return list ? list.filter((l) => !OBSERVERS.has(l)).length : 0;
  }

  /**
   * Adds a listener that client-library rules do not count (amqplib asks whether a channel has an
   * 'error' listener): the code playground's own watcher, standing in for Node's crash on an unheard error.
   */
  observe(event: string, listener: Listener): this {
    OBSERVERS.add(listener);
    return this.on(event, listener);
  }

  /** Whether anything, an observer included, listens to `event`. */
  heard(event: string): boolean {
    return (this.listeners?.get(event)?.length ?? 0) > 0;
  }
}
