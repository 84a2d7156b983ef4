/** Every literal key the inspector asks for exists in both languages, and the two files have the same keys. */
import { describe, expect, it } from 'vitest';
import { literalKeys, sourceFiles, translationKeys } from '../locales/keys';
import en from '../locales/en/inspector.json';
import zh from '../locales/zh/inspector.json';

describe('inspector translations', () => {
  const enKeys = translationKeys(en);
  const zhKeys = translationKeys(zh);

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('define every literal key used in the code', () => {
    const used = literalKeys(sourceFiles(__dirname));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
