/**
 * Autosave: the open document goes to localStorage (debounced) and comes back on load through
 * `restoreScenarioText`, like any other input from outside. A corrupt autosave is set aside under
 * its own key, never silently dropped, and the caller is told what was wrong with it.
 */
import { restoreScenarioText } from '../scenario/restore';
import type { ScenarioMessage } from '../scenario/messages';
import type { ScenarioDocument } from '../scenario/schema';
import { documentStore, loadDocument } from './document';

export const AUTOSAVE_KEY = 'warren.autosave';
export const CORRUPT_KEY = 'warren.autosave.corrupt';
export const AUTOSAVE_DELAY_MS = 400;

export type RestoreOutcome =
  | { kind: 'empty' }
  | { kind: 'restored'; doc: ScenarioDocument }
  /** `error` in English; `message` to say it in the reader's language. */
  | { kind: 'corrupt'; error: string; message: ScenarioMessage };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Read the autosave; load it into the document store if it is sound, set it aside if not. */
export function restoreAutosave(): RestoreOutcome {
  const store = storage();
  const text = store?.getItem(AUTOSAVE_KEY);
  if (!store || text == null) return { kind: 'empty' };
  const result = restoreScenarioText(text);
  if (result.ok) {
    loadDocument(result.doc);
    return { kind: 'restored', doc: result.doc };
  }
  try {
    store.setItem(CORRUPT_KEY, text);
    store.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage full: the corrupt text stays where it was, still not lost.
  }
  return { kind: 'corrupt', error: result.error, message: result.message };
}

/** The autosave that failed to load, kept so the user can download it. */
export function corruptAutosave(): string | null {
  return storage()?.getItem(CORRUPT_KEY) ?? null;
}

/**
 * Why the autosave is not keeping the open document: storage full (QuotaExceededError), storage
 * disabled (the browser refuses access), or another tab saved its own version over this one (the
 * `storage` event), in which case this tab stops saving until the user chooses which to keep.
 */
export type SaveProblem = { kind: 'full' } | { kind: 'disabled' } | { kind: 'other-tab'; text: string };

let problem: SaveProblem | null = null;
/** What this tab wrote last, to tell its own writes from another tab's. */
let written: string | null = null;
const problemListeners = new Set<(p: SaveProblem | null) => void>();

function setProblem(next: SaveProblem | null): void {
  if (problem?.kind === next?.kind && (next?.kind !== 'other-tab' || (problem as typeof next).text === next.text)) return;
  problem = next;
  for (const l of problemListeners) l(next);
}

export const saveProblem = (): SaveProblem | null => problem;

/** Told when the autosave stops keeping the document, and again when it keeps it again (null). */
export function onSaveProblem(listener: (p: SaveProblem | null) => void): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}

/** Save the document now; false if it could not be (the reason goes to `onSaveProblem`). */
export function saveNow(doc: ScenarioDocument = documentStore.getState().doc): boolean {
  // Another tab's version is in storage: never overwrite it until the user has chosen.
  if (problem?.kind === 'other-tab') return false;
  const store = storage();
  if (!store) {
    setProblem({ kind: 'disabled' });
    return false;
  }
  const text = JSON.stringify(doc);
  try {
    store.setItem(AUTOSAVE_KEY, text);
  } catch (e) {
    // Quota exceeded (or storage turned off under us): the document stays open, only unsaved.
    setProblem({ kind: e instanceof DOMException && e.name !== 'QuotaExceededError' && e.name !== 'NS_ERROR_DOM_QUOTA_REACHED' ? 'disabled' : 'full' });
    return false;
  }
  written = text;
  setProblem(null);
  return true;
}

/**
 * The user chose after another tab saved over this one: `keep` saves this tab's document over the
 * other's (the caller keeps the other's first); `theirs` means this tab now shows the other's
 * document, which is already saved.
 */
export function resolveOtherTab(choice: 'keep' | 'theirs'): void {
  if (problem?.kind !== 'other-tab') return;
  written = problem.text;
  problem = null;
  for (const l of problemListeners) l(null);
  if (choice === 'keep') saveNow();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let pending = false;

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (pending) {
    pending = false;
    saveNow();
  }
}

/** Another tab wrote the autosave: from now on this tab must not write over it silently. */
function onStorage(e: StorageEvent): void {
  if (e.key !== AUTOSAVE_KEY || e.newValue === null || e.newValue === written) return;
  // The other tab saved the very document open here (it just loaded this tab's version): no conflict.
  const theirs = restoreScenarioText(e.newValue);
  if (theirs.ok && JSON.stringify(theirs.doc) === JSON.stringify(documentStore.getState().doc)) {
    written = e.newValue;
    return;
  }
  setProblem({ kind: 'other-tab', text: e.newValue });
}

/** Save after every change, at most once per `AUTOSAVE_DELAY_MS`, and before the page goes away. */
export function startAutosave(): () => void {
  if (!storage()) setProblem({ kind: 'disabled' });
  const unsubscribe = documentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  const onHide = (): void => flush();
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.addEventListener?.('beforeunload', onHide);
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    flush();
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.removeEventListener?.('beforeunload', onHide);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
