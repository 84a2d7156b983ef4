/**
 * A preset's document in the reader's language: the lesson already holds both languages, but the
 * title, description and notes are plain text in the document, so they are put in on opening.
 */
import type { Localized, ScenarioDocument } from '../schema';
import type { DocText, Preset } from './types';

export type Language = keyof Localized;

/** The English text a preset's document was built with. */
function englishText(doc: ScenarioDocument): DocText {
  const notes: Record<string, string> = {};
  for (const n of doc.nodes) if (n.kind === 'note') notes[n.id] = n.config.text;
  return { title: doc.title, description: doc.description, notes };
}

const textOf = (preset: Preset, lang: Language): DocText => (lang === 'zh' ? preset.zh : englishText(preset.doc));

function withText(doc: ScenarioDocument, text: DocText): ScenarioDocument {
  return {
    ...doc,
    title: text.title,
    description: text.description,
    nodes: doc.nodes.map((n) => (n.kind === 'note' && text.notes[n.id] !== undefined ? { ...n, config: { ...n.config, text: text.notes[n.id] } } : n)),
  };
}

/** The preset's document with its title, description and notes in `lang`. */
export function presetDocument(preset: Preset, lang: Language): ScenarioDocument {
  return lang === 'en' ? preset.doc : withText(preset.doc, preset.zh);
}

function sameText(doc: ScenarioDocument, text: DocText): boolean {
  const mine = englishText(doc);
  return mine.title === text.title && mine.description === text.description && Object.entries(text.notes).every(([id, t]) => mine.notes[id] === t);
}

/**
 * When the reader switches language with a preset open and its text untouched, the same document
 * with the text in `lang`; null when the document's text is the user's own (then it stays as is).
 */
export function relocalized(doc: ScenarioDocument, presets: readonly Preset[], lang: Language): ScenarioDocument | null {
  for (const p of presets) {
    const other: Language = lang === 'zh' ? 'en' : 'zh';
    if (sameText(doc, textOf(p, other)) && !sameText(doc, textOf(p, lang))) return withText(doc, textOf(p, lang));
  }
  return null;
}
