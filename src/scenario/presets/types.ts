/** What a preset is: an id for `?preset=`, a title and summary in both languages, and the document. */
import type { Localized, ScenarioDocument } from '../schema';

export type Preset = {
  id: string;
  title: Localized;
  summary: Localized;
  doc: ScenarioDocument;
};
