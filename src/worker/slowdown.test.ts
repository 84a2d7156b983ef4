import { afterEach, describe, expect, it, vi } from 'vitest';
import { slowDown, throttleOf } from './slowdown';

/** A worker scope with what slowDown wraps, its listeners kept to be called by the test. */
function fakeScope(name: string) {
  const listeners: ((ev: unknown) => unknown)[] = [];
  const frames: ((t: number) => void)[] = [];
  const scope = {
    name,
    addEventListener: (_type: string, l: (ev: unknown) => unknown) => void listeners.push(l),
    requestAnimationFrame: (cb: (t: number) => void) => frames.push(cb),
    setTimeout: (cb: () => void) => (cb(), 1),
  };
  return { scope: scope as unknown as DedicatedWorkerGlobalScope, listeners, frames };
}

/** A clock that moves only when read (1 ms a read) or when a task says it worked. */
function fakeClock() {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now++);
  return { work: (ms: number) => void (now += ms), now: () => now };
}

// slowDown wraps MessagePort's handlers for the whole realm: each test starts from the real ones.
const portOnmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(MessagePort.prototype, 'onmessage', portOnmessage);
});

describe('worker slow-down (the UI benchmark\'s slower CPU)', () => {
  it('reads the rate from the worker\'s name, and ignores names without one', () => {
    expect(throttleOf('warren-engine throttle=4')).toBe(4);
    expect(throttleOf('warren-render throttle=2.5')).toBe(2.5);
    expect(throttleOf('warren-engine')).toBe(1);
    expect(throttleOf('warren-engine throttle=0.5')).toBe(1);
    expect(throttleOf('xthrottle=4')).toBe(1);
  });

  it('leaves a worker without the flag untouched', () => {
    const { scope } = fakeScope('warren-engine');
    const add = scope.addEventListener;
    slowDown(scope);
    expect(scope.addEventListener).toBe(add);
  });

  it('stretches each message handler and animation frame to rate times its own length', async () => {
    const clock = fakeClock();
    const { scope, listeners, frames } = fakeScope('warren-engine throttle=4');
    slowDown(scope);
    scope.addEventListener('message', () => clock.work(100));
    let t0 = clock.now();
    listeners[0]({});
    // 100 ms of work, then spinning until 3 × that much more has passed.
    expect(clock.now() - t0).toBeGreaterThanOrEqual(400);
    expect(clock.now() - t0).toBeLessThan(410);

    scope.requestAnimationFrame(() => clock.work(10));
    t0 = clock.now();
    frames[0](0);
    expect(clock.now() - t0).toBeGreaterThanOrEqual(40);
    expect(clock.now() - t0).toBeLessThan(50);

    // An async handler is stretched when its promise settles.
    scope.addEventListener('message', async () => {
      await Promise.resolve();
      clock.work(50);
    });
    t0 = clock.now();
    await listeners[1]({});
    await new Promise((r) => setImmediate(r));
    expect(clock.now() - t0).toBeGreaterThanOrEqual(200);
  });

  it("stretches a port's message handler too (the motion the engine sends the render worker)", () => {
    const clock = fakeClock();
    const { scope } = fakeScope('warren-render throttle=4');
    const { port1 } = new MessageChannel();
    try {
      slowDown(scope);
      port1.onmessage = () => clock.work(20);
      const t0 = clock.now();
      (port1.onmessage as (ev: unknown) => void)({});
      expect(clock.now() - t0).toBeGreaterThanOrEqual(80);
      expect(clock.now() - t0).toBeLessThan(90);
    } finally {
      port1.close();
    }
  });
});
