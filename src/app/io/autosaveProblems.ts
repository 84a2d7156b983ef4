/**
 * What the user is told when the autosave cannot keep the open document (store/persist.ts), and
 * the way out in each case; the open document is never dropped:
 * - storage full or disabled: the work stays open and in the address bar; Export saves it as a file;
 * - another tab saved its own version of the autosave: this tab stops saving and asks which to keep.
 *   Either way the version not chosen is kept as the previous scenario ("Back to your scenario").
 */
import i18n from '../i18n';
import { onSaveProblem, resolveOtherTab, type SaveProblem } from '../../store/persist';
import { askConfirm, dismiss, notify } from '../../store/ui';
import { restoreScenarioText } from '../../scenario/restore';
import { exportJson } from './exports';
import { replaceDocument, backToPrevious } from '../share/replaceDocument';
import { keepPrevious } from '../share/previous';

let shown: number | null = null;

function report(p: SaveProblem | null, was: SaveProblem | null): void {
  if (shown !== null) dismiss(shown);
  shown = null;
  if (!p) {
    if (was?.kind === 'full') notify('success', i18n.t('editor:autosave.savedAgain'));
    return;
  }
  if (p.kind === 'other-tab') {
    askOtherTab(p.text);
    return;
  }
  shown = notify('error', i18n.t(`editor:autosave.${p.kind}`), { label: i18n.t('editor:autosave.export'), run: exportJson });
}

function askOtherTab(text: string): void {
  const theirs = restoreScenarioText(text);
  askConfirm({
    title: i18n.t('editor:autosave.otherTab.title'),
    body: i18n.t('editor:autosave.otherTab.body', { title: theirs.ok ? theirs.doc.title : '?' }),
    confirmLabel: i18n.t('editor:autosave.otherTab.load'),
    cancelLabel: i18n.t('editor:autosave.otherTab.keep'),
    tone: 'choice',
    onConfirm: () => {
      if (!theirs.ok) return;
      resolveOtherTab('theirs');
      replaceDocument(theirs.doc, i18n.t('editor:autosave.otherTab.loaded'));
    },
    onCancel: () => {
      // The other tab's version goes aside first, so saving this one over it loses nothing.
      const kept = theirs.ok && keepPrevious(theirs.doc);
      resolveOtherTab('keep');
      if (kept) notify('info', i18n.t('editor:autosave.otherTab.kept'), { label: i18n.t('editor:autosave.otherTab.openOther'), run: backToPrevious });
    },
  });
}

/** Start telling; returns the way to stop. */
export function reportSaveProblems(): () => void {
  let last: SaveProblem | null = null;
  return onSaveProblem((p) => {
    report(p, last);
    last = p;
  });
}

