/** Every key the Code panel asks for exists in both languages, the two files agree, and every example has a lesson. */
import { expect, it } from 'vitest';
import { literalKeys, sourceFiles } from '../locales/keys';
import { describeTranslations } from '../locales/test-helpers';
import en from '../locales/en/code.json';
import zh from '../locales/zh/code.json';
import { EXAMPLES } from './examples';

describeTranslations('code', en, zh, () => literalKeys([...sourceFiles(__dirname), `${__dirname}/../canvas/nodes/CodeNode.tsx`]), 15, (enKeys) => {
  it('give every example a title and a lesson', () => {
    for (const ex of EXAMPLES) {
      expect(enKeys.has(`examples.${ex.id}.title`) && enKeys.has(`examples.${ex.id}.lesson`)).toBe(true);
    }
  });
});
