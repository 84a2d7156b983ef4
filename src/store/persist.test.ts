import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, CORRUPT_KEY, onSaveProblem, resolveOtherTab, restoreAutosave, saveNow, saveProblem, startAutosave, type SaveProblem } from './persist';
import { dispatch, getDoc, loadDocument } from './document';
import { createNode, emptyScenario } from '../scenario/factory';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  loadDocument(emptyScenario());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('reports an empty store', () => {
    expect(restoreAutosave()).toEqual({ kind: 'empty' });
  });

  it('saves after a change (debounced) and restores it', () => {
    vi.useFakeTimers();
    const stop = startAutosave();
    dispatch({ type: 'add-nodes', nodes: [createNode(getDoc(), 'queue', { x: 1, y: 2 })] });
    dispatch({ type: 'set-meta', patch: { title: 'Retry loop' } });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    stop();
    loadDocument(emptyScenario());
    const outcome = restoreAutosave();
    expect(outcome.kind).toBe('restored');
    expect(getDoc().title).toBe('Retry loop');
    expect(getDoc().nodes).toHaveLength(1);
  });

  it('sets a corrupt autosave aside, names the problem and leaves a fresh document', () => {
    storage.setItem(AUTOSAVE_KEY, '{"version":1,"nodes":"oops"');
    const outcome = restoreAutosave();
    expect(outcome.kind).toBe('corrupt');
    if (outcome.kind === 'corrupt') expect(outcome.error).toMatch(/not valid JSON/);
    expect(storage.getItem(CORRUPT_KEY)).toBe('{"version":1,"nodes":"oops"');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(getDoc().nodes).toEqual([]);
  });

  it('rejects a well-formed but invalid scenario', () => {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, nodes: [{ id: 'a', kind: 'queue' }], edges: [] }));
    const outcome = restoreAutosave();
    expect(outcome.kind).toBe('corrupt');
    if (outcome.kind === 'corrupt') expect(outcome.error).toMatch(/nodes\[0\]/);
  });
});

/** Node has no window events: a stand-in target, and a `storage` event as another tab's write makes one. */
const win = new EventTarget();
function otherTabWrites(text: string): void {
  storage.setItem(AUTOSAVE_KEY, text);
  win.dispatchEvent(Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: text }));
}

describe('autosave problems', () => {
  beforeEach(() => {
    vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
    vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  });
  const heard: (SaveProblem | null)[] = [];
  let stopListening: () => void = () => {};
  beforeEach(() => {
    heard.length = 0;
    stopListening = onSaveProblem((p) => heard.push(p));
    saveNow(); // a working store: no problem left over from another test
    heard.length = 0;
  });
  afterEach(() => stopListening());

  it('storage full: the open document stays, the problem is told once, and cleared when saving works again', () => {
    const setItem = storage.setItem.bind(storage);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    dispatch({ type: 'set-meta', patch: { title: 'Big one' } });
    expect(saveNow()).toBe(false);
    expect(saveNow()).toBe(false);
    expect(heard).toEqual([{ kind: 'full' }]);
    expect(getDoc().title).toBe('Big one');
    storage.setItem = setItem;
    expect(saveNow()).toBe(true);
    expect(heard).toEqual([{ kind: 'full' }, null]);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).title).toBe('Big one');
  });

  it('storage disabled (the getter throws): reading starts empty, saving reports it, nothing throws', () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    expect(restoreAutosave()).toEqual({ kind: 'empty' });
    expect(saveNow()).toBe(false);
    expect(heard).toEqual([{ kind: 'disabled' }]);
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, writable: true, value: storage });
  });

  it('another tab saved over this one: this tab stops writing until the user chooses', () => {
    vi.useFakeTimers();
    const stop = startAutosave();
    const theirs = JSON.stringify({ ...emptyScenario(), title: 'Theirs' });
    otherTabWrites(theirs);
    expect(saveProblem()).toEqual({ kind: 'other-tab', text: theirs });
    dispatch({ type: 'set-meta', patch: { title: 'Mine' } });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    resolveOtherTab('keep');
    expect(saveProblem()).toBeNull();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).title).toBe('Mine');
    stop();
  });

  it('choosing the other tab\'s version leaves it saved and saving resumes', () => {
    vi.useFakeTimers();
    const stop = startAutosave();
    const theirs = JSON.stringify({ ...emptyScenario(), title: 'Theirs' });
    otherTabWrites(theirs);
    resolveOtherTab('theirs');
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    dispatch({ type: 'set-meta', patch: { title: 'Edited after' } });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).title).toBe('Edited after');
    stop();
  });
});
