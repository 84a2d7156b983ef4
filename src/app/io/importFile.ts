/**
 * Import a file the user picked or dropped: its size is checked before it is read, then it goes
 * through `importScenarioFile` (Warren JSON or RabbitMQ definitions.json). On any problem the
 * open work stays and the message names the file and the problem.
 */
import i18n from '../i18n';
import { checkFileSize, importScenarioFile } from '../../scenario/file';
import { notify } from '../../store/ui';
import { replaceDocument } from '../share/replaceDocument';
import { layoutImported } from './layoutImported';
import { sayMessage } from './scenarioMessages';

export async function importFile(file: File): Promise<boolean> {
  const fail = (error: string) => {
    notify('error', i18n.t('io:importFailed', { name: file.name, error }));
    return false;
  };
  const tooLarge = checkFileSize(file.size);
  if (tooLarge) return fail(sayMessage(tooLarge));
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return fail((e as Error).message);
  }
  const result = await importScenarioFile(text);
  if (!result.ok) return fail(sayMessage(result.error));
  // A broker's export has no title of its own: name it after its file, in the reader's language.
  const doc = result.definitions ? { ...(await layoutImported(result.doc)), title: i18n.t('io:definitionsTitle', { name: file.name }) } : result.doc;
  replaceDocument(doc, i18n.t('io:imported', { name: file.name }));
  for (const w of result.warnings.slice(0, 3)) notify('info', sayMessage(w));
  return true;
}

/** Ask for a file with the browser's picker. */
export function pickFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void importFile(file);
  };
  input.click();
}
