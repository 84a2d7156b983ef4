import { describe, expect, it } from 'vitest';
import { MAX_INTERVAL_MS, RefreshPacer } from './refreshPacer';

const FRAME = 1000 / 60;

/** Wall clocks, one per pacer, so that runs one after another go on from where the last stopped. */
const clocks = new WeakMap<RefreshPacer, number>();

/**
 * Plays `seconds` of 60 Hz frames with the worker offering a refresh every `offerMs`; each refresh
 * taken makes the next `lateFrames` frames take two vsyncs. Returns refreshes taken, late frames
 * and all frames.
 */
function run(pacer: RefreshPacer, seconds: number, offerMs: number, lateFrames: number, frameMs = FRAME) {
  const start = clocks.get(pacer) ?? 0;
  let now = start;
  let nextOffer = start + offerMs;
  let owed = 0;
  let taken = 0;
  let late = 0;
  let frames = 0;
  while (now < start + seconds * 1000) {
    frames++;
    const ms = owed > 0 ? 2 * frameMs : frameMs;
    if (owed > 0) {
      owed--;
      late++;
    }
    now += ms;
    pacer.frame(ms);
    if (now >= nextOffer) {
      nextOffer += offerMs;
      if (pacer.take(now)) {
        taken++;
        owed = lateFrames;
      }
    }
  }
  clocks.set(pacer, now);
  return { taken, late, frames };
}

describe('RefreshPacer', () => {
  it('takes every refresh the worker offers while refreshing costs no late frames', () => {
    const pacer = new RefreshPacer();
    const { taken } = run(pacer, 10, 100, 0);
    expect(taken).toBe(100);
    expect(pacer.interval()).toBe(0);
  });

  it('spaces costly refreshes out until late frames are rare, but refreshes at least once a second', () => {
    const pacer = new RefreshPacer();
    run(pacer, 5, 100, 2); // settles
    const { taken, late, frames } = run(pacer, 20, 100, 2);
    expect(late / frames).toBeLessThan(0.05);
    // Once a second at most apart: 20 s of run gives at least 19 refreshes.
    expect(taken).toBeGreaterThanOrEqual(19);
    expect(pacer.interval()).toBeLessThanOrEqual(MAX_INTERVAL_MS);
  });

  it('one late frame per refresh: refreshes about three times slower than offered, not once a second', () => {
    const pacer = new RefreshPacer();
    run(pacer, 5, 100, 1);
    const { taken, late, frames } = run(pacer, 10, 100, 1);
    expect(late / frames).toBeLessThanOrEqual(0.03);
    expect(taken).toBeGreaterThan(10);
  });

  it('says the page is strained while refreshes still make frames late, and at ease once they do not', () => {
    const pacer = new RefreshPacer();
    run(pacer, 5, 100, 0);
    expect(pacer.strained()).toBe(false);
    // a late frame per refresh: spacing them out is remedy enough
    run(pacer, 5, 100, 1);
    expect(pacer.strained()).toBe(false);
    // two: even a refresh a second would make too many late
    run(pacer, 5, 100, 2);
    expect(pacer.strained()).toBe(true);
    // cheap again: at ease
    run(pacer, 10, 100, 0);
    expect(pacer.strained()).toBe(false);
  });

  it('returns to every offer once refreshing is cheap again', () => {
    const pacer = new RefreshPacer();
    run(pacer, 5, 100, 2);
    expect(pacer.interval()).toBeGreaterThan(500);
    run(pacer, 10, 100, 0);
    expect(pacer.interval()).toBeLessThan(20);
  });

  it('on a display slower than 60 Hz, frames at its own pace are not late', () => {
    const pacer = new RefreshPacer();
    const { taken } = run(pacer, 10, 100, 0, 1000 / 30);
    expect(taken).toBeGreaterThanOrEqual(95);
    expect(pacer.interval()).toBe(0);
    // At 30 Hz a refresh that costs a frame counts as late, as at 60 Hz.
    run(pacer, 5, 100, 1, 1000 / 30);
    expect(pacer.interval()).toBeGreaterThan(500);
  });
});
