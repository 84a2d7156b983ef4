/**
 * The work that was open before a preset, share link or import replaced it. It is kept in
 * localStorage (the autosave is about to hold the new document), so "Back to your scenario"
 * works even after a reload.
 */
import { compactScenarioJson } from '../../scenario/url';
import { restoreScenarioText } from '../../scenario/restore';
import type { ScenarioDocument } from '../../scenario/schema';
import { emptyScenario } from '../../scenario/factory';

export const PREVIOUS_KEY = 'warren.autosave.previous';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Whether a document holds anything worth keeping. */
export function hasWork(doc: ScenarioDocument): boolean {
  return doc.nodes.length > 0 || doc.title !== emptyScenario().title || doc.description !== '';
}

export const sameDocument = (a: ScenarioDocument, b: ScenarioDocument): boolean => a === b || compactScenarioJson(a) === compactScenarioJson(b);

/** Keep `doc` as the previous work; false if storage refused it. */
export function keepPrevious(doc: ScenarioDocument): boolean {
  try {
    storage()?.setItem(PREVIOUS_KEY, JSON.stringify(doc));
    return !!storage();
  } catch {
    return false;
  }
}

/** The kept previous work, if it is still there and sound. */
export function previousDocument(): ScenarioDocument | null {
  const text = storage()?.getItem(PREVIOUS_KEY);
  if (text == null) return null;
  const r = restoreScenarioText(text);
  return r.ok ? r.doc : null;
}
