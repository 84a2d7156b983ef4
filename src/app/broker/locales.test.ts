/** Every literal key the broker UI asks for exists in both languages, and the two files have the same keys. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { literalKeys } from '../locales/keys';
import { describeTranslations } from '../locales/test-helpers';
import en from '../locales/en/broker.json';
import zh from '../locales/zh/broker.json';

const panelFiles = () =>
  readdirSync(__dirname)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(__dirname, f));

describeTranslations('broker', en, zh, () => literalKeys(panelFiles()), 40);
