import i18n from '../i18n';
import { presetDocument, type Preset } from '../../scenario/presets';
import { lessonStore } from '../lessons/store';
import { replaceDocument } from '../share/replaceDocument';

/** Open a preset in the reader's language in place of the current work (which is kept), with its lesson at step one. */
export function openPreset(preset: Preset): void {
  const lang = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  replaceDocument(presetDocument(preset, lang), i18n.t('share:openedPreset', { title: preset.title[lang] }));
  lessonStore.setState({ open: !!preset.doc.lesson?.steps.length, step: 0, chosen: [], result: null, timedOut: false, checking: false, done: [] });
}
