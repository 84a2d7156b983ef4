/**
 * Open a whole scenario (New, import, presets, share links): it replaces the document, clears
 * the history and the selection, and fits the view once it is on screen. Autosave picks it up.
 */
import { getDoc, loadDocument } from '../store/document';
import { routeIfLaidOut } from './canvas/routes';
import { requestFitView, select } from '../store/ui';
import type { ScenarioDocument } from '../scenario/schema';

export function openDocument(doc: ScenarioDocument): void {
  select([], []);
  loadDocument(doc);
  requestFitView();
  void routeIfLaidOut(doc, () => getDoc() === doc);
}
