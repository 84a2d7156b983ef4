import { describe, expect, it } from 'vitest';
import { fittedViewport, READABLE_ZOOM } from './fitView';

const size = { width: 780, height: 510 };

describe('fittedViewport', () => {
  it('fits the whole of what reads at the fitted zoom', () => {
    const v = fittedViewport({ x: 0, y: 0, width: 700, height: 400 }, size);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  // Regression: an imported real definitions.json fitted at zoom 0.4, its text about 5 px.
  it('never goes below the readable zoom: a big import starts at its top-left, the rest a pan away', () => {
    const v = fittedViewport({ x: 100, y: 50, width: 1600, height: 1400 }, size);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(100 * v.zoom + v.x).toBeCloseTo(8); // left padding
    expect(50 * v.zoom + v.y).toBeCloseTo(64); // under the canvas toolbar
  });

  it('centres an axis that fits at the readable zoom', () => {
    const v = fittedViewport({ x: 0, y: 0, width: 3000, height: 200 }, size);
    const top = v.y;
    const bottom = size.height - (200 * v.zoom + v.y);
    expect(top - 64).toBeCloseTo(bottom - 16);
  });
});
