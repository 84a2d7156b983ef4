import { afterEach, describe, expect, it } from 'vitest';
import { simulationStore } from '../../../store/simulation';
import type { NodeCounters } from '../../../worker/protocol';
import { addWriter, setAttr, setHidden, setOnScreen, setText, slotsOf, type Slot } from './live';

/** An element as far as a writer is concerned, counting the writes it receives. */
function fakeSlot(): Slot & { writes: number; attrs: Map<string, string> } {
  const attrs = new Map<string, string>();
  let text: string | null = '';
  let hidden = false;
  const el = {
    writes: 0,
    attrs,
    get textContent() {
      return text;
    },
    set textContent(v: string | null) {
      el.writes++;
      text = v;
    },
    get hidden() {
      return hidden;
    },
    set hidden(v: boolean) {
      el.writes++;
      hidden = v;
    },
    setAttribute(name: string, value: string) {
      el.writes++;
      attrs.set(name, value);
    },
    removeAttribute(name: string) {
      el.writes++;
      attrs.delete(name);
    },
    style: { width: '' },
  };
  return el;
}

const initial = simulationStore.getState();
afterEach(() => simulationStore.setState(initial, true));

describe('live counters', () => {
  it('writes a text, attribute or hidden flag only when its value changed', () => {
    const el = fakeSlot();
    setText(el, '3');
    setText(el, '3');
    setAttr(el, 'data-ready', 3);
    setAttr(el, 'data-ready', 3);
    setHidden(el, true);
    setHidden(el, true);
    expect(el.writes).toBe(3);
    expect(el.textContent).toBe('3');
    expect(el.attrs.get('data-ready')).toBe('3');
    setAttr(el, 'data-ready', undefined);
    expect(el.attrs.has('data-ready')).toBe(false);
    setText(el, '4');
    expect(el.writes).toBe(5);
  });

  it('a text is written into the slot\'s text node when it has one, keeping the node', () => {
    const node = { nodeType: 3, nextSibling: null, data: '1' };
    const el = { ...fakeSlot(), firstChild: node };
    setText(el, '2');
    expect(node.data).toBe('2');
    expect(el.textContent).toBe('');
  });

  it('a writer gets the counters at once, then each refresh that brings new ones, until it is removed', () => {
    const seen: NodeCounters[] = [];
    simulationStore.setState({ counters: { q1: { ready: 1 } } });
    const remove = addWriter('q1', (c) => seen.push(c));
    expect(seen).toEqual([{ ready: 1 }]);
    simulationStore.setState({ counters: { q1: { ready: 2 } } });
    // A store change that leaves the counters alone (the log's half of a refresh) writes nothing.
    simulationStore.setState({ log: [] });
    simulationStore.setState({ counters: {} });
    expect(seen).toEqual([{ ready: 1 }, { ready: 2 }, {}]);
    remove();
    simulationStore.setState({ counters: { q1: { ready: 5 } } });
    expect(seen).toHaveLength(3);
  });

  it('while playing writes only the cards on screen; one that comes into view, or a pause, brings it the numbers it missed', () => {
    const seen: Record<string, number[]> = { q1: [], q2: [] };
    const offs = (['q1', 'q2'] as const).map((id) => addWriter(id, (c) => seen[id].push(c.ready ?? 0)));
    setOnScreen((id) => id === 'q1');
    simulationStore.setState({ playing: true, counters: { q1: { ready: 1 }, q2: { ready: 1 } } });
    simulationStore.setState({ playing: true, counters: { q1: { ready: 2 }, q2: { ready: 2 } } });
    expect(seen).toEqual({ q1: [0, 1, 2], q2: [0] });
    // q2 scrolls into view: written at once, with the newest numbers only
    setOnScreen(() => true);
    expect(seen.q2).toEqual([0, 2]);
    setOnScreen((id) => id === 'q1');
    simulationStore.setState({ playing: true, counters: { q1: { ready: 3 }, q2: { ready: 3 } } });
    expect(seen.q2).toEqual([0, 2]);
    // paused: every card shows the run as it stands
    simulationStore.setState({ playing: false, counters: { q1: { ready: 4 }, q2: { ready: 4 } } });
    expect(seen).toEqual({ q1: [0, 1, 2, 3, 4], q2: [0, 2, 4] });
    setOnScreen(null);
    offs.forEach((off) => off());
  });

  it('finds a slot by name once, and again when its element was replaced', () => {
    const a = { isConnected: true, ...fakeSlot() };
    let queries = 0;
    const root = { current: { querySelector: () => (queries++, a) } };
    const slot = slotsOf(root);
    expect(slot('ready')).toBe(a);
    expect(slot('ready')).toBe(a);
    expect(queries).toBe(1);
    a.isConnected = false;
    slot('ready');
    expect(queries).toBe(2);
  });
});
