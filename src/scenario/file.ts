/**
 * Scenario files: export as pretty, versioned JSON; import from text, refusing oversized files by
 * their size before any parsing, and reading a RabbitMQ `definitions.json` too.
 */
import { MAX_JSON_CHARS, parseJson, restoreScenario } from './restore';
import type { ScenarioDocument } from './schema';
import { message, type ScenarioMessage } from './messages';

/** Largest file accepted, in bytes (the same bound as the JSON text). */
export const MAX_FILE_BYTES = MAX_JSON_CHARS;

/** `definitions` says the file was a RabbitMQ definitions.json (its topology is then worth laying out). */
export type FileImport = { ok: true; doc: ScenarioDocument; warnings: ScenarioMessage[]; definitions?: true } | { ok: false; error: ScenarioMessage };

/** A file name for the scenario: its title, made safe for file systems. */
export function scenarioFileName(doc: ScenarioDocument): string {
  const base = doc.title.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'scenario'}.warren.json`;
}

/** The document as a pretty-printed JSON file, `version` first. */
export function exportScenarioJson(doc: ScenarioDocument): string {
  const { version, ...rest } = doc;
  return JSON.stringify({ version, ...rest }, null, 2) + '\n';
}

/** `null` if a file of this many bytes may be read, else a message naming its size. Call before reading. */
export function checkFileSize(bytes: number): ScenarioMessage | null {
  return bytes > MAX_FILE_BYTES ? message('fileTooLarge', { size: formatBytes(bytes), limit: formatBytes(MAX_FILE_BYTES) }) : null;
}

/**
 * Read a scenario file (Warren's JSON, or RabbitMQ `definitions.json`). Its size is checked first,
 * then it is parsed without prototype-polluting keys and restored (validated, migrated).
 */
export async function importScenarioFile(text: string): Promise<FileImport> {
  // A JS string's length is in UTF-16 units; that is at most its UTF-8 size, so this bound is safe.
  const tooLarge = checkFileSize(text.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  if (text.trim() === '') return { ok: false, error: message('fileEmpty') };
  const json = parseJson(text);
  if (!json.ok) return { ok: false, error: json.message.code === 'restoreNotJson' ? message('fileNotJson', json.message.params) : json.message };
  // Definitions are read again from the text, so that a "__proto__" key is named rather than dropped.
  // The definitions reader loads only when a file needs it: it stays out of the page's first load.
  const { importDefinitions, looksLikeDefinitions } = await import('./definitions-import');
  if (looksLikeDefinitions(json.value)) {
    const r = await importDefinitions(text);
    return r.ok ? { ...r, definitions: true } : r;
  }
  const restored = restoreScenario(json.value);
  return restored.ok ? { ...restored, warnings: [] } : { ok: false, error: restored.message };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}
