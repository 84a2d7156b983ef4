/** Every literal key the Compare dialog asks for exists in both languages, and the two files have the same keys. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { literalKeys } from '../locales/keys';
import { describeTranslations } from '../locales/test-helpers';
import en from './locales/en.json';
import zh from './locales/zh.json';

describeTranslations('compare', en, zh, () => literalKeys([join(__dirname, 'CompareDialog.tsx')]), 15, (enKeys) => {
  it('name every change and every counter the dialog can show', () => {
    for (const kind of ['prefetch', 'ttl', 'maxLength', 'rate', 'seed']) expect(enKeys.has(`change.${kind}`)).toBe(true);
    for (const m of ['depth', 'delivered', 'deadLettered', 'expired', 'dropped', 'acked', 'rejected', 'published', 'confirmed', 'returned', 'nacked', 'unroutable']) expect(enKeys.has(`metric.${m}`)).toBe(true);
  });
});
