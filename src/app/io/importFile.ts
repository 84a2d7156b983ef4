/**
 * Import a file the user picked or dropped: its size is checked before it is read, then it goes
 * through `importScenarioFile` (Warren JSON or RabbitMQ definitions.json). On any problem the
 * open work stays and the message names the file and the problem.
 */
import i18n from '../i18n';
import { checkFileSize, importScenarioFile } from '../../scenario/file';
import { looksLikeDefinitions } from '../../scenario/definitions-import';
import type { ScenarioDocument } from '../../scenario/schema';
import { notify } from '../../store/ui';
import { replaceDocument } from '../share/replaceDocument';

export async function importFile(file: File): Promise<boolean> {
  const fail = (error: string) => {
    notify('error', i18n.t('io:importFailed', { name: file.name, error }));
    return false;
  };
  const tooLarge = checkFileSize(file.size);
  if (tooLarge) return fail(tooLarge);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return fail((e as Error).message);
  }
  const result = importScenarioFile(text);
  if (!result.ok) return fail(result.error);
  const doc = isDefinitions(text) ? await laidOut(result.doc) : result.doc;
  replaceDocument(doc, i18n.t('io:imported', { name: file.name }));
  for (const w of result.warnings.slice(0, 3)) notify('info', w);
  return true;
}

function isDefinitions(text: string): boolean {
  try {
    return looksLikeDefinitions(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A broker's definitions carry no positions: lay them out with ELK, as auto layout does. */
async function laidOut(doc: ScenarioDocument): Promise<ScenarioDocument> {
  const { autoLayout } = await import('../editing/autoLayout');
  const { moves } = await autoLayout(doc);
  const at = new Map(moves.map((m) => [m.id, m]));
  return { ...doc, nodes: doc.nodes.map((n) => (at.has(n.id) ? { ...n, position: { x: at.get(n.id)!.x, y: at.get(n.id)!.y } } : n)) };
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
