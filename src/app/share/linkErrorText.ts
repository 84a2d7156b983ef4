/**
 * A broken link's message in the reader's language. The scenario layer words them in English
 * (`LINK_ERRORS` in scenario/url.ts, which tests and English readers see as they are); this finds
 * which one it is and says it in the reader's language, with the same numbers and characters.
 */
import type { TFunction } from 'i18next';
import { LINK_ERRORS } from '../../scenario/url';

type Match = (text: string) => Record<string, string> | null;
const exact = (message: string): Match => (text) => (text === message ? {} : null);
const pattern = (re: RegExp, names: string[]): Match => (text) => {
  const m = re.exec(text);
  return m ? Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) : null;
};

const KNOWN: readonly [Match, string][] = [
  [exact(LINK_ERRORS.noScenario), 'noScenario'],
  [exact(LINK_ERRORS.empty), 'empty'],
  [pattern(/^The link is too long \(([\d,]+) characters; the limit is ([\d,]+)\)\.$/, ['n', 'limit']), 'tooLong'],
  [pattern(/^The link is garbled: the character (".*") at position (\d+) of the scenario data cannot appear in a Warren link\.$/, ['c', 'at']), 'alphabet'],
  [exact(LINK_ERRORS.truncated), 'truncated'],
  [exact(LINK_ERRORS.corrupt), 'corrupt'],
  [exact(LINK_ERRORS.tooLarge), 'tooLarge'],
  [exact(LINK_ERRORS.notJson), 'notJson'],
  [pattern(/^There is no preset called (".*")\. Presets: (.*)\.$/, ['id', 'valid']), 'noPreset'],
];

export function linkErrorText(text: string, t: TFunction): string {
  for (const [match, key] of KNOWN) {
    const vars = match(text);
    if (vars) return t(`share:linkError.${key}`, { ...vars, defaultValue: text });
  }
  return text;
}
