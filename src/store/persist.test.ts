import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, CORRUPT_KEY, restoreAutosave, startAutosave } from './persist';
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
