/** For each area's translation tests: the two languages have the same keys, and every key the code asks for is there. */
import { describe, expect, it } from 'vitest';
import { translationKeys } from './keys';

/**
 * `used` lists the literal keys the area's code asks for (keys.ts `literalKeys`); at least `minUsed`
 * of them, so a test that finds none fails. `more` adds the area's own checks, given the English keys.
 */
export function describeTranslations(area: string, en: object, zh: object, used: () => string[], minUsed: number, more?: (enKeys: Set<string>) => void): void {
  describe(`${area} translations`, () => {
    const enKeys = translationKeys(en);
    const zhKeys = translationKeys(zh);

    it('have the same keys in English and Chinese', () => {
      expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
      expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    });

    it('define every literal key used in the code', () => {
      const keys = used();
      expect(keys.length).toBeGreaterThan(minUsed);
      expect(keys.filter((k) => !enKeys.has(k))).toEqual([]);
    });

    more?.(enKeys);
  });
}
