/**
 * Copies of a whole running engine, for checkpoints (going back in a run without replaying it from
 * time zero). A copy is the object graph again: class instances with their prototypes, arrays, maps,
 * sets and typed arrays, every shared reference still shared once. Functions are the catch: a closure
 * keeps what it captured, and no copy can see inside it. So every function the engine keeps in its
 * state is made by `relocatable(target, 'method', ...args)`, which remembers its target and arguments;
 * the copy calls the same method of the copied target. A function made any other way (a learner's
 * callback, a promise's resolver while a call waits for its reply) makes the graph not copyable at
 * this instant, and `copyGraph` says so with `NotCopyable` rather than copying something that would
 * run against the original.
 */

/** An object's own way of being copied (for state a copy must not take along as is, like the trace ring). */
export const COPY: unique symbol = Symbol.for('warren.copy');

export interface CustomCopy {
  /** `copy` copies a value of the graph; `account` adds the bytes the hook's copy holds to the estimate. */
  [COPY](copy: <T>(value: T) => T, account: (bytes: number) => void): object;
}

/** Any function: what the graph holds is told apart at run time, by the relocation registry. */
type AnyFunction = (...args: never[]) => unknown;

interface Relocation {
  target: object;
  method: string;
  args: unknown[];
}

/** Where a function says how a copy gets it (a property, not a WeakMap: agents make one per timer, and WeakMap entries cost the collector). */
const RELOCATION = Symbol('warren.relocation');

type Tagged = AnyFunction & { [RELOCATION]?: Relocation | 'shared' };

/**
 * `method` bound to `target` (and to `bound`, its first arguments), as a function that a copy of the
 * graph re-aims at the copied target: it calls the copy's method of the same name.
 */
export function relocatable<B extends unknown[], P extends unknown[], R>(target: object, method: (...a: [...B, ...P]) => R, ...bound: B): (...rest: P) => R {
  const name = method.name;
  if ((target as Record<string, unknown>)[name] !== method) throw new TypeError(`relocatable: ${name} is not a method of ${target.constructor.name}`);
  return bind(target, name, bound) as (...rest: P) => R;
}

function bind(target: object, name: string, bound: unknown[]): AnyFunction {
  const m = (target as Record<string, (...a: unknown[]) => unknown>)[name];
  const f: Tagged = bound.length === 0 ? (...rest: unknown[]) => m.apply(target, rest) : (...rest: unknown[]) => m.apply(target, [...bound, ...rest]);
  f[RELOCATION] = { target, method: name, args: bound };
  return f;
}

/** A function that holds no state of the run (a wall clock, a pure helper): every copy shares it. */
export function shareable<F extends AnyFunction>(f: F): F {
  (f as Tagged)[RELOCATION] = 'shared';
  return f;
}

/** Whether a copy of the graph can take `f` along. */
export const isRelocatable = (f: AnyFunction): boolean => (f as Tagged)[RELOCATION] !== undefined;

export class NotCopyable extends Error {
  constructor(readonly what: string) {
    super(`the run cannot be copied now: it holds ${what}`);
    this.name = 'NotCopyable';
  }
}

export interface CopyOptions {
  /** Plain data the copy shares with the original, everything reachable from it included (immutable data, like the scenario document). */
  shared?: Iterable<object>;
}

export interface CopyResult<T> {
  value: T;
  /** How many objects were copied: a measure of the copy's size. */
  objects: number;
  /** Rough bytes: 48 per object plus 8 per slot, and the typed arrays' bytes. */
  bytes: number;
}

/** A deep copy of `root`'s graph (see the file's comment); throws NotCopyable when it cannot be had. */
export function copyGraph<T>(root: T, options: CopyOptions = {}): CopyResult<T> {
  const memo = new Map<unknown, unknown>();
  const share = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || memo.has(v)) return;
    memo.set(v, v);
    for (const k of Object.keys(v)) share((v as Record<string, unknown>)[k]);
  };
  for (const s of options.shared ?? []) share(s);
  let objects = 0;
  let bytes = 0;

  const account = (n: number) => {
    bytes += n;
  };

  const copy = <V>(v: V): V => {
    if (typeof v !== 'object' && typeof v !== 'function') return v;
    if (v === null) return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen as V;
    return fresh(v as object) as V;
  };

  const fresh = (o: object): object => {
    objects++;
    if (typeof o === 'function') {
      const r = (o as Tagged)[RELOCATION];
      if (r === undefined) throw new NotCopyable(`a function that is not relocatable (${describe(o as AnyFunction)})`);
      if (r === 'shared') {
        memo.set(o, o);
        return o;
      }
      const f = bind(copy(r.target), r.method, r.args.map(copy));
      memo.set(o, f);
      return f;
    }
    if (Object.isFrozen(o)) {
      memo.set(o, o);
      return o;
    }
    if (ArrayBuffer.isView(o)) {
      const c = (o as unknown as { slice(): object }).slice();
      bytes += o.byteLength;
      memo.set(o, c);
      return c;
    }
    if (Array.isArray(o)) {
      const c: unknown[] = new Array(o.length);
      memo.set(o, c);
      bytes += 16 + 8 * o.length;
      for (let i = 0; i < o.length; i++) c[i] = copy(o[i]);
      return c;
    }
    if (o instanceof Map) {
      const c = new Map();
      memo.set(o, c);
      bytes += 48 + 24 * o.size;
      for (const [k, val] of o) c.set(copy(k), copy(val));
      return subclassed(o, c);
    }
    if (o instanceof Set) {
      const c = new Set();
      memo.set(o, c);
      bytes += 48 + 16 * o.size;
      for (const val of o) c.add(copy(val));
      return subclassed(o, c);
    }
    if (o instanceof Promise) throw new NotCopyable('a promise');
    if (o instanceof RegExp || o instanceof Date) {
      memo.set(o, o);
      return o;
    }
    if (o instanceof WeakMap || o instanceof WeakSet || o instanceof ArrayBuffer) throw new NotCopyable(`a ${o.constructor.name}`);
    const custom = (o as Partial<CustomCopy>)[COPY];
    if (custom) {
      const c = custom.call(o, copy, account);
      memo.set(o, c);
      return c;
    }
    const c = Object.create(Object.getPrototypeOf(o) as object | null) as Record<string, unknown>;
    memo.set(o, c);
    const keys = Object.keys(o);
    bytes += 48 + 8 * keys.length;
    for (const k of keys) c[k] = copy((o as Record<string, unknown>)[k]);
    return c;
  };

  /** A copy of a Map or Set subclass: its prototype and its own fields too. */
  const subclassed = (o: Map<unknown, unknown> | Set<unknown>, c: Map<unknown, unknown> | Set<unknown>): object => {
    const proto = Object.getPrototypeOf(o) as object;
    if (proto === Map.prototype || proto === Set.prototype) return c;
    Object.setPrototypeOf(c, proto);
    for (const k of Object.keys(o)) (c as unknown as Record<string, unknown>)[k] = copy((o as unknown as Record<string, unknown>)[k]);
    return c;
  };

  const value = copy(root);
  return { value, objects, bytes };
}

function describe(f: AnyFunction): string {
  const src = Function.prototype.toString.call(f).replace(/\s+/g, ' ');
  return src.length > 80 ? `${src.slice(0, 77)}...` : src;
}
