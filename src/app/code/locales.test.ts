/** Every key the Code panel asks for exists in both languages, the two files agree, and every example has a lesson. */
import { describe, expect, it } from 'vitest';
import { literalKeys, sourceFiles, translationKeys } from '../locales/keys';
import en from '../locales/en/code.json';
import zh from '../locales/zh/code.json';
import { EXAMPLES } from './examples';

describe('code translations', () => {
  const enKeys = translationKeys(en);
  const zhKeys = translationKeys(zh);

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('define every literal key the panel and its canvas nodes use', () => {
    const used = literalKeys([...sourceFiles(__dirname), `${__dirname}/../canvas/nodes/CodeNode.tsx`]);
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('give every example a title and a lesson', () => {
    for (const ex of EXAMPLES) {
      expect(enKeys.has(`examples.${ex.id}.title`) && enKeys.has(`examples.${ex.id}.lesson`)).toBe(true);
    }
  });
});
