import type { Localized } from '../../scenario/schema';

/** Where the run is: never started, playing, or paused part way. */
export type RunState = 'stopped' | 'playing' | 'paused';

/**
 * The Play instruction exactly as the presets word it, per language. A step that asks for Play reads
 * wrong once the run is playing, so this one sentence part follows the run; the rest stays as written.
 */
export const PLAY_INSTRUCTION: Localized = {
  en: 'Press Play (▶ below, or Space)',
  zh: '点击下方的“播放”（或按空格键）',
};

/** `text` with its Play instruction (in `lang`) replaced by what fits the run's `state`. */
export function followRun(text: string, state: RunState, lang: keyof Localized, instead: (state: Exclude<RunState, 'stopped'>) => string): string {
  if (state === 'stopped') return text;
  return text.split(PLAY_INSTRUCTION[lang]).join(instead(state));
}
