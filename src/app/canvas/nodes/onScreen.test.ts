import { describe, expect, it } from 'vitest';
import { nodesOnScreen } from './onScreen';

/** 100×50 boxes at the given corners, as the canvas reads them (sim/nodeBoxes.ts). */
const boxesAt = (at: [string, number, number][]) => ({ ids: at.map(([id]) => id), boxes: Float64Array.from(at.flatMap(([, x, y]) => [x, y, 100, 50])) });

describe('nodesOnScreen', () => {
  it('takes the nodes whose box meets the pane, with a margin, at the view’s pan and zoom', () => {
    const nodes = boxesAt([
      ['in', 100, 100],
      ['left-edge', -150, 0],
      ['far-left', -400, 0],
      ['below', 0, 900],
      ['zoomed-in', 700, 300],
    ]);
    // 800×600 pane, no pan, zoom 1, 80 px margin
    expect([...nodesOnScreen([0, 0, 1], 800, 600, nodes)!].sort()).toEqual(['in', 'left-edge', 'zoomed-in']);
    // panned right by 300 px and zoomed out to a half: x = 0.5·x + 300
    expect([...nodesOnScreen([300, 0, 0.5], 800, 600, nodes)!].sort()).toEqual(['below', 'far-left', 'in', 'left-edge', 'zoomed-in']);
    // zoomed in 2×: 'zoomed-in' starts at 1400 px, and 'left-edge' ends at −100 px, past the margin
    expect([...nodesOnScreen([0, 0, 2], 800, 600, nodes)!].sort()).toEqual(['in']);
  });

  it('says nothing before the pane has a size', () => {
    expect(nodesOnScreen([0, 0, 1], 0, 0, boxesAt([['a', 0, 0]]))).toBeNull();
  });
});
