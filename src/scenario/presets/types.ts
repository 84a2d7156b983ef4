/** What a preset is: an id for `?preset=`, a title and summary in both languages, and the document. */
import type { Localized, ScenarioDocument } from '../schema';

/** The prose a document carries itself (title, description, note texts by node id), in one language. */
export type DocText = { title: string; description: string; notes: Record<string, string> };

export type Preset = {
  id: string;
  title: Localized;
  summary: Localized;
  /** The document, its text in English. */
  doc: ScenarioDocument;
  /** The document's own text in Chinese (`presetDocument` puts it in). */
  zh: DocText;
};
