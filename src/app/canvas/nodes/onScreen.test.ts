import { describe, expect, it } from 'vitest';
import { nodesOnScreen } from './onScreen';

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe('nodesOnScreen', () => {
  it('takes the nodes whose box meets the pane, with a margin, at the view’s pan and zoom', () => {
    const nodes: [string, ReturnType<typeof box>][] = [
      ['in', box(100, 100)],
      ['left-edge', box(-150, 0)],
      ['far-left', box(-400, 0)],
      ['below', box(0, 900)],
      ['zoomed-in', box(700, 300)],
    ];
    // 800×600 pane, no pan, zoom 1, 80 px margin
    expect([...nodesOnScreen([0, 0, 1], 800, 600, nodes)!].sort()).toEqual(['in', 'left-edge', 'zoomed-in']);
    // panned right by 300 px and zoomed out to a half: x = 0.5·x + 300
    expect([...nodesOnScreen([300, 0, 0.5], 800, 600, nodes)!].sort()).toEqual(['below', 'far-left', 'in', 'left-edge', 'zoomed-in']);
    // zoomed in 2×: 'zoomed-in' starts at 1400 px, and 'left-edge' ends at −100 px, past the margin
    expect([...nodesOnScreen([0, 0, 2], 800, 600, nodes)!].sort()).toEqual(['in']);
  });

  it('says nothing before the pane has a size', () => {
    expect(nodesOnScreen([0, 0, 1], 0, 0, [['a', box(0, 0)]])).toBeNull();
  });
});
