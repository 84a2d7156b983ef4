import { describe, expect, it } from 'vitest';
import { panIntoView } from './keepInView';

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
