/**
 * Open a document from elsewhere (preset, link, file) in place of the current one, keeping the
 * current work first and offering the way back in the message.
 */
import i18n from '../i18n';
import type { ScenarioDocument } from '../../scenario/schema';
import { getDoc } from '../../store/document';
import { dismiss, notify } from '../../store/ui';
import { openDocument } from '../openDocument';
import { hasWork, keepPrevious, previousDocument, sameDocument } from './previous';

/**
 * Replace the open document with `doc`, after keeping `current` (by default the open document) as
 * the previous work. `message` says what was opened; the toast offers "Back to your scenario".
 */
export function replaceDocument(doc: ScenarioDocument, message: string, current: ScenarioDocument | null = getDoc()): void {
  const keep = current !== null && hasWork(current) && !sameDocument(current, doc) && keepPrevious(current);
  openDocument(doc);
  if (!keep) {
    notify('success', message);
    return;
  }
  const id = notify('success', `${message} ${i18n.t('share:previousKept')}`, {
    label: i18n.t('share:backToYours'),
    run: () => {
      dismiss(id);
      backToPrevious();
    },
  });
}

/** Reopen the work kept by the last `replaceDocument`; the document it replaces is kept in turn. */
export function backToPrevious(): void {
  const prev = previousDocument();
  if (!prev) {
    notify('error', i18n.t('share:previousGone'));
    return;
  }
  const now = getDoc();
  if (hasWork(now)) keepPrevious(now);
  openDocument(prev);
}
