/**
 * Keeps program callbacks from reaching the engine: every function a program hands to a
 * connection or channel (a consumer, an event listener, a confirm callback) is wrapped so that
 * what it throws, or the promise it rejects, is the program's failure, not the simulation's.
 * Connections and channels a program gets are proxies that do this on every call.
 * The exception is a consumer callback: amqplib 2.3.1 catches what it throws and closes that channel
 * (541 'Error while processing message', the error to the channel's 'error' event), so its errors go on
 * to the engine, which does the same (Channel.consumerThrew).
 */
import { Channel, Connection } from '../../engine';

type Fn = (...args: unknown[]) => unknown;

export interface GuardHost {
  /** Runs a program function as one guarded turn: its errors and rejections are the program's. */
  call(fn: Fn, thisArg: unknown, args: unknown[]): unknown;
  /** Runs a consumer callback as a program turn, letting what it throws go on to the engine. */
  relay(fn: Fn, thisArg: unknown, args: unknown[]): unknown;
  /** A connection the program opened (the runtime closes it on Stop). */
  opened(conn: Connection): void;
  /** An `error` event no listener of the program took (Node would crash the process). */
  unhandled(error: unknown): void;
}

export class Guard {
  private wrapped = new WeakMap<Fn, Fn>();
  private relayed = new WeakMap<Fn, Fn>();
  private proxies = new WeakMap<object, object>();

  constructor(private readonly host: GuardHost) {}

  /** A program's view of an engine value: connections and channels come back as guarded proxies. */
  value(v: unknown): unknown {
    if (v instanceof Connection || v instanceof Channel) return this.proxy(v);
    if (v instanceof Promise) return v.then((x) => this.value(x));
    return v;
  }

  private fn(f: Fn): Fn {
    let w = this.wrapped.get(f);
    if (!w) {
      const host = this.host;
      w = function (this: unknown, ...args: unknown[]) {
        return host.call(f, this, args);
      };
      this.wrapped.set(f, w);
    }
    return w;
  }

  private consumer(f: Fn): Fn {
    let w = this.relayed.get(f);
    if (!w) {
      const host = this.host;
      w = function (this: unknown, ...args: unknown[]) {
        return host.relay(f, this, args);
      };
      this.relayed.set(f, w);
    }
    return w;
  }

  private proxy(target: Connection | Channel): object {
    const hit = this.proxies.get(target);
    if (hit) return hit;
    if (target instanceof Connection) this.host.opened(target);
    // Node crashes on an 'error' event nobody listens to; the program fails the same way here.
    // An observer: amqplib's rules (a channel error with no listener fails the connection) see only the program's.
    target.observe('error', (e: unknown) => {
      if (target.listenerCount('error') === 0) this.host.unhandled(e);
    });
    const wrapArg = (a: unknown) => (typeof a === 'function' ? this.fn(a as Fn) : a);
    const result = (out: unknown) => (out === target ? p : this.value(out));
    const p = new Proxy(target, {
      get: (t, key) => {
        const v = Reflect.get(t, key, t) as unknown;
        if (typeof v !== 'function') return v;
        // Called on the engine object itself, never on the proxy, so the engine sees no wrapper.
        if (key === 'consume' && t instanceof Channel) {
          return (...args: unknown[]) => result((v as Fn).apply(t, args.map((a, i) => (i === 1 && typeof a === 'function' ? this.consumer(a as Fn) : wrapArg(a)))));
        }
        return (...args: unknown[]) => result((v as Fn).apply(t, args.map(wrapArg)));
      },
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
      setPrototypeOf: () => false,
    });
    this.proxies.set(target, p);
    return p;
  }
}
