/** Every literal key the Compare dialog asks for exists in both languages, and the two files have the same keys. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalKeys, translationKeys } from '../locales/keys';
import en from './locales/en.json';
import zh from './locales/zh.json';

describe('compare translations', () => {
  const enKeys = translationKeys(en);
  const zhKeys = translationKeys(zh);

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('define every literal key used in the dialog', () => {
    const used = literalKeys([join(__dirname, 'CompareDialog.tsx')]);
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('name every change and every counter the dialog can show', () => {
    for (const kind of ['prefetch', 'ttl', 'maxLength', 'rate', 'seed']) expect(enKeys.has(`change.${kind}`)).toBe(true);
    for (const m of ['depth', 'delivered', 'deadLettered', 'expired', 'dropped', 'acked', 'rejected', 'published', 'confirmed', 'returned', 'nacked', 'unroutable']) expect(enKeys.has(`metric.${m}`)).toBe(true);
  });
});
