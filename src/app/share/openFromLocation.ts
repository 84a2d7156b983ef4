/**
 * Startup order: a share hash, else a `?preset=`, else the autosave, else an empty canvas.
 * A link or preset replaces the autosaved work only after keeping it (see `previous.ts`); a link
 * that cannot be opened is reported with its own message and the autosaved work opens instead,
 * untouched.
 */
import i18n from '../i18n';
import type { LocationRequest } from '../../scenario/url';
import { presetById, presetDocument } from '../../scenario/presets';
import { restoreScenarioText } from '../../scenario/restore';
import type { ScenarioDocument } from '../../scenario/schema';
import { AUTOSAVE_KEY } from '../../store/persist';
import { notify } from '../../store/ui';
import { lessonStore } from '../lessons/store';
import { openDocument } from '../openDocument';
import { replaceDocument } from './replaceDocument';
import { linkErrorText } from './linkErrorText';
import { sayMessage } from '../io/scenarioMessages';

/** The autosaved document, read without opening it (null if there is none or it is unsound). */
function autosavedDocument(): ScenarioDocument | null {
  try {
    const text = globalThis.localStorage?.getItem(AUTOSAVE_KEY);
    if (text == null) return null;
    const r = restoreScenarioText(text);
    return r.ok ? r.doc : null;
  } catch {
    return null;
  }
}

/** Open what the address asks for; false when the caller should restore the autosave. */
export function openFromLocation(request: LocationRequest): boolean {
  const { source } = request;
  if (source.kind === 'none') return false;
  if (source.kind === 'error') {
    // A scenario that unpacked but cannot be restored: its problem in the reader's language.
    notify('error', source.scenario ? i18n.t('share:linkError.scenario', { detail: sayMessage(source.scenario) }) : linkErrorText(source.error, i18n.t));
    return false;
  }
  // An embed shows the document and never touches the visitor's own work.
  const current = autosavedDocument();
  const lang = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  const preset = source.kind === 'preset' ? presetById(source.id) : undefined;
  // A preset opens in the reader's language; a shared link as its sender wrote it.
  const doc = preset ? presetDocument(preset, lang) : source.doc;
  const title = preset ? preset.title[lang] : doc.title;
  const message = i18n.t(preset ? 'share:openedPreset' : 'share:openedLink', { title });
  if (request.embed) {
    openDocument(doc);
    return true;
  }
  replaceDocument(doc, message, current);
  if (doc.lesson?.steps.length) lessonStore.setState({ open: true });
  return true;
}
