import { useTranslation } from 'react-i18next';
import type { Problem } from './parse';

/** Turns a coded problem from the pure parsers into a sentence in the current language. */
export function useProblemText() {
  const { t } = useTranslation('inspector');
  return (problem: Problem): string => {
    const params: Record<string, string | number> = { ...problem.params };
    if (typeof params.kind === 'string') params.kind = t(`nouns.${params.kind}`);
    return t(`errors.${problem.code}`, params);
  };
}
