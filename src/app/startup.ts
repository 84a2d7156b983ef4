/**
 * What happens once when the editor opens, before the first render and before the simulation
 * starts (so a share link's seed and speed drive the very first run): open what the address asks
 * for (share hash > preset), else bring back the autosave (or report why not); then keep saving
 * and keep the address bar on the open document.
 */
import i18n from './i18n';
import { corruptAutosave, restoreAutosave, startAutosave } from '../store/persist';
import { dismiss, notify, requestFitView } from '../store/ui';
import { simulation } from './sim/bridge';
import { unbranch } from './transport/control';
import { formatClock } from './log/describe';
import { startSimulationSync, undoBranchEdit } from './sim/sync';
import { toastWatchdog } from './sim/watchdogToast';
import { reportSaveProblems } from './io/autosaveProblems';
import { startCodeSync } from './code/store';
import { startCodeDocSync } from './code/docSync';
import { parseLocation } from '../scenario/url';
import { appModeStore } from './embed/mode';
import { startLessonWatch } from './lessons/watch';
import { startRelocalizing } from './lessons/relocalize';
import { lessonStore } from './lessons/store';
import { documentStore } from '../store/document';
import { startAddressBarSync } from './share/addressBar';
import { openFromLocation } from './share/openFromLocation';
import { hasWork } from './share/previous';
import { openWelcome, welcomeSeen } from './welcome/store';
import { sayMessage } from './io/scenarioMessages';

/** Offer the set-aside autosave as a file, so nothing the user made is lost. */
export function downloadCorruptAutosave(): void {
  const text = corruptAutosave();
  if (text === null) return;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'warren-autosave-recovered.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let started = false;

export function startEditor(): void {
  if (started) return;
  started = true;
  const request = parseLocation(location.search, location.hash);
  appModeStore.setState({ embed: request.embed, readonly: request.readonly });
  if (!openFromLocation(request) && !request.embed) {
    const restored = restoreFromAutosave();
    if (documentStore.getState().doc.lesson?.steps.length) lessonStore.setState({ open: true });
    // A first visit opens on the welcome; work, a link or a broken autosave come first.
    if (request.source.kind === 'none' && restored !== 'corrupt' && !hasWork(documentStore.getState().doc) && !welcomeSeen()) openWelcome();
  }
  // An embedded scenario is someone else's: it never overwrites this browser's autosave.
  if (!request.embed) {
    reportSaveProblems();
    startAutosave();
  }
  startSimulationSync(() => notify('info', i18n.t('simulation:restarted')));
  toastWatchdog();
  // An input at a past instant dropped the run's old future: say so, and offer it back.
  simulation().onBranch = (t) => {
    const id = notify('info', i18n.t('simulation:branched', { at: formatClock(t) }), {
      label: i18n.t('simulation:branchedUndo'),
      run: () => {
        dismiss(id);
        // a branch started by an edit ends by undoing the edit (sync.ts), so the document goes back too
        if (!undoBranchEdit()) unbranch();
      },
    });
  };
  startCodeSync();
  startCodeDocSync(request.embed || request.readonly);
  startAddressBarSync();
  startLessonWatch();
  startRelocalizing();
}

function restoreFromAutosave(): ReturnType<typeof restoreAutosave>['kind'] {
  const outcome = restoreAutosave();
  if (outcome.kind === 'corrupt') {
    notify('error', i18n.t('editor:autosave.corrupt', { error: sayMessage(outcome.message) }), {
      label: i18n.t('editor:autosave.download'),
      run: downloadCorruptAutosave,
    });
  } else if (outcome.kind === 'restored') {
    requestFitView();
  }
  return outcome.kind;
}
