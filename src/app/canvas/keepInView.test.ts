import { describe, expect, it } from 'vitest';
import { panIntoView, viewAfterShrink } from './keepInView';

describe('panIntoView', () => {
  it('leaves a box that is in view where it is', () => {
    expect(panIntoView({ left: 100, top: 100, right: 300, bottom: 200 }, 800, 600)).toEqual({ dx: 0, dy: 0 });
  });
  it('pans a box cut at the right edge back in, with the margin', () => {
    expect(panIntoView({ left: 700, top: 100, right: 900, bottom: 200 }, 800, 600)).toEqual({ dx: -124, dy: 0 });
  });
  it('pans a box below the bottom edge up and one above the top edge down', () => {
    expect(panIntoView({ left: 100, top: 550, right: 200, bottom: 650 }, 800, 600).dy).toBe(-74);
    expect(panIntoView({ left: 100, top: -40, right: 200, bottom: 60 }, 800, 600).dy).toBe(64);
  });
  it('keeps the left edge of a box wider than the view in view', () => {
    expect(panIntoView({ left: 500, top: 100, right: 1500, bottom: 200 }, 800, 600).dx).toBe(-476);
  });
});

describe('viewAfterShrink', () => {
  const v = { x: 0, y: 0, zoom: 1 };
  const none = () => null;
  it('pans a topology that still fits back into view whole', () => {
    expect(viewAfterShrink(v, { left: 150, top: 100, right: 850, bottom: 300 }, none, 800, 600)).toEqual({ x: -74, y: 0, zoom: 1 });
  });
  it('zooms out a little, centred, where that keeps it whole', () => {
    const next = viewAfterShrink(v, { left: 0, top: 0, right: 800, bottom: 200 }, none, 752, 600)!;
    expect(next.zoom).toBeCloseTo(0.88);
    // centred: the topology's middle (400 at zoom 1) lands in the view's middle
    expect(400 * next.zoom + next.x).toBeCloseTo(376);
    expect(100 * next.zoom + next.y).toBeCloseTo(300);
  });
  it('brings the selection back where the topology would have to shrink further', () => {
    const next = viewAfterShrink(v, { left: 0, top: 0, right: 1600, bottom: 200 }, () => ({ left: 1400, top: 50, right: 1500, bottom: 150 }), 800, 600);
    expect(next).toEqual({ x: -724, y: 0, zoom: 1 });
  });
  it('does nothing when what matters is in view', () => {
    expect(viewAfterShrink(v, { left: 0, top: 0, right: 1600, bottom: 200 }, () => ({ left: 100, top: 50, right: 200, bottom: 150 }), 800, 600)).toBeNull();
    expect(viewAfterShrink(v, null, none, 800, 600)).toBeNull();
  });
});
