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
  store.setItem(CORRUPT_KEY, text);
  store.removeItem(AUTOSAVE_KEY);
  return { kind: 'corrupt', error: result.error, message: result.message };
}

/** The autosave that failed to load, kept so the user can download it. */
export function corruptAutosave(): string | null {
  return storage()?.getItem(CORRUPT_KEY) ?? null;
}

export function saveNow(doc: ScenarioDocument = documentStore.getState().doc): void {
  try {
    storage()?.setItem(AUTOSAVE_KEY, JSON.stringify(doc));
  } catch {
    // Quota exceeded or storage disabled: the document stays open, only unsaved.
  }
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

/** Save after every change, at most once per `AUTOSAVE_DELAY_MS`, and before the page goes away. */
export function startAutosave(): () => void {
  const unsubscribe = documentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  const onHide = (): void => flush();
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.addEventListener?.('beforeunload', onHide);
  return () => {
    flush();
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.removeEventListener?.('beforeunload', onHide);
  };
}
