/**
 * What happens once when the editor opens: bring back the autosave (or report why not), then keep
 * saving. Runs before the first render so the canvas opens on the restored document.
 */
import i18n from './i18n';
import { corruptAutosave, restoreAutosave, startAutosave } from '../store/persist';
import { notify, requestFitView } from '../store/ui';
import { startSimulationSync } from './sim/sync';

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
  const outcome = restoreAutosave();
  if (outcome.kind === 'corrupt') {
    notify('error', i18n.t('editor:autosave.corrupt', { error: outcome.error }), {
      label: i18n.t('editor:autosave.download'),
      run: downloadCorruptAutosave,
    });
  } else if (outcome.kind === 'restored') {
    requestFitView();
  }
  startAutosave();
  startSimulationSync(() => notify('info', i18n.t('simulation:restarted')));
}
