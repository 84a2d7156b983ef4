/** Every literal key the broker UI asks for exists in both languages, and the two files have the same keys. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalKeys, translationKeys } from '../locales/keys';
import en from '../locales/en/broker.json';
import zh from '../locales/zh/broker.json';

describe('broker translations', () => {
  const enKeys = translationKeys(en);
  const zhKeys = translationKeys(zh);

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('define every literal key used in the code', () => {
    const used = literalKeys(
      readdirSync(__dirname)
        .filter((f) => f.endsWith('.tsx'))
        .map((f) => join(__dirname, f)),
    );
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
