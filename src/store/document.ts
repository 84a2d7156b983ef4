/**
 * The document store: the open scenario, edited only through change objects, with undo/redo
 * (zundo keeps past documents; documents are immutable, so a snapshot is a pointer).
 * Actions are plain functions, callable from components, keyboard shortcuts and tests alike.
 */
import { createStore, useStore } from 'zustand';
import { temporal } from 'zundo';
import { applyChange, type DocChange } from '../scenario/changes';
import { emptyScenario } from '../scenario/factory';
import type { ScenarioDocument } from '../scenario/schema';

export interface DocumentState {
  doc: ScenarioDocument;
}

export const documentStore = createStore<DocumentState>()(
  temporal(() => ({ doc: emptyScenario() }), {
    partialize: (s) => ({ doc: s.doc }),
    equality: (a, b) => a.doc === b.doc,
    limit: 200,
  }),
);

export const useDocument = <T>(selector: (s: DocumentState) => T): T => useStore(documentStore, selector);
export const useHistory = <T>(selector: (s: ReturnType<typeof documentStore.temporal.getState>) => T): T =>
  useStore(documentStore.temporal, selector);

export const getDoc = (): ScenarioDocument => documentStore.getState().doc;

/** Apply a change as one undoable step. */
export function dispatch(change: DocChange): void {
  const doc = getDoc();
  const next = applyChange(doc, change);
  if (next !== doc) documentStore.setState({ doc: next });
}

let transientStart: ScenarioDocument | null = null;

/**
 * Begin a gesture (a drag) whose intermediate changes are one undo step: the state before it is
 * recorded now, the changes until `endGesture` are not.
 */
export function beginGesture(): void {
  if (transientStart) return;
  transientStart = getDoc();
  documentStore.temporal.getState().pause();
}

export function endGesture(): void {
  if (!transientStart) return;
  const before = transientStart;
  transientStart = null;
  const t = documentStore.temporal;
  t.getState().resume();
  if (getDoc() !== before) {
    t.setState((s) => ({ pastStates: [...s.pastStates, { doc: before }].slice(-200), futureStates: [] }));
  }
}

/** Replace the whole document (open, import, preset) and forget the history of the old one. */
export function loadDocument(doc: ScenarioDocument): void {
  documentStore.setState({ doc });
  documentStore.temporal.getState().clear();
}

export const undo = (): void => documentStore.temporal.getState().undo();
export const redo = (): void => documentStore.temporal.getState().redo();
