/** Every literal key the inspector asks for exists in both languages, and the two files have the same keys. */
import { literalKeys, sourceFiles } from '../locales/keys';
import { describeTranslations } from '../locales/test-helpers';
import en from '../locales/en/inspector.json';
import zh from '../locales/zh/inspector.json';

describeTranslations('inspector', en, zh, () => literalKeys(sourceFiles(__dirname)), 50);
