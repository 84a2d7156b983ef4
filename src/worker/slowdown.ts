/// <reference lib="webworker" />
/**
 * The benchmark's stand-in for a slower CPU inside a worker. Chromium's CPU throttling (CDP
 * `Emulation.setCPUThrottlingRate`) slows the page's main thread only, and refuses worker targets
 * ("Operation is only supported for pages, not workers", Chromium 156), so `bench/ui.ts` opens the
 * page with `?throttle-workers=N`, the page puts `throttle=N` in each worker's name
 * (app/sim/workerName.ts), and the worker stretches every task it runs (message handlers,
 * animation frames, timers, port messages) to N times its length by spinning after it (a handler
 * that returns a promise, as the engine's does, when the promise settles): a core N times slower
 * would keep the thread busy that long, and take that time from the page on a shared CPU too.
 * Without the flag nothing is wrapped.
 */

/** The rate named in a worker's name (`warren-engine throttle=4`), or 1. */
export function throttleOf(name: string): number {
  const m = /(?:^|\s)throttle=(\d+(?:\.\d+)?)(?:\s|$)/.exec(name);
  const rate = m ? Number(m[1]) : 1;
  return rate > 1 && rate <= 20 ? rate : 1;
}

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a slower core, busy */
  }
}

let applied = 1;

/**
 * This worker's clock for timing its own work, in ms: `performance.now()` scaled by the slow-down
 * applied here (1: none). Where the worker decides by its own speed (duty-cycle.ts) it times work
 * with this: the spin comes after each task, so the task itself cannot see it, and a slower core
 * would have shown the whole length.
 */
export function slowedClock(): number {
  return performance.now() * applied;
}

/** Wraps the worker's task sources so each task takes `rate` times as long; must run before the worker's own modules. */
export function slowDown(scope: DedicatedWorkerGlobalScope, rate = throttleOf(scope.name)): void {
  if (rate <= 1) return;
  applied = rate;
  const stretch =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const t0 = performance.now();
      const out = fn(...args);
      // An async handler's work goes on in its microtasks: stretch it when it settles.
      if (out instanceof Promise) void out.finally(() => spin((performance.now() - t0) * (rate - 1)));
      else spin((performance.now() - t0) * (rate - 1));
      return out;
    };
  const add = scope.addEventListener.bind(scope);
  scope.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) =>
    add(type, typeof listener === 'function' ? stretch(listener) : listener, options)) as typeof scope.addEventListener;
  if (typeof scope.requestAnimationFrame === 'function') {
    const raf = scope.requestAnimationFrame.bind(scope);
    scope.requestAnimationFrame = (cb) => raf(stretch(cb));
  }
  // Messages through a port (the motion the engine sends the render worker: motion-port.ts).
  const onmessage = typeof MessagePort === 'undefined' ? undefined : Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  if (onmessage?.set) {
    const set = onmessage.set;
    Object.defineProperty(MessagePort.prototype, 'onmessage', {
      ...onmessage,
      set(this: MessagePort, fn: unknown) {
        set.call(this, typeof fn === 'function' ? stretch(fn as (ev: MessageEvent) => unknown) : fn);
      },
    });
  }
  const timeout = scope.setTimeout.bind(scope);
  scope.setTimeout = ((cb: TimerHandler, ms?: number, ...rest: unknown[]) =>
    timeout(typeof cb === 'function' ? stretch(cb as (...a: unknown[]) => unknown) : cb, ms, ...rest)) as typeof scope.setTimeout;
}
