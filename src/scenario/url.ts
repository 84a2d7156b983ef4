/**
 * Share links: `#s=` + lz-string (URI-safe) of the scenario's JSON with default values left out.
 * Decoding is bounded and every failure names what is wrong with the link.
 */
import LZString from 'lz-string';
import { deepEqual, stripDefaults } from './compact';
import { decompressUriSafe, type LzFailure } from './lz';
import { MAX_JSON_CHARS, parseJson, restoreScenario } from './restore';
import type { ScenarioMessage } from './messages';
import { scenarioDocument, type ScenarioDocument } from './schema';
import { PRESETS, presetById } from './presets';

export const SHARE_PREFIX = '#s=';

/** Longest `#s=` payload accepted, in characters (browsers cope with far more; people's tools do not). */
export const MAX_HASH_CHARS = 200_000;

/** Messages for broken links, in one place. */
export const LINK_ERRORS = {
  noScenario: 'This link has no scenario in it (Warren links end in "#s=…").',
  empty: 'The link ends right after "#s=": the scenario data is missing. Copy the whole link and try again.',
  tooLong: (n: number) => `The link is too long (${n.toLocaleString('en')} characters; the limit is ${MAX_HASH_CHARS.toLocaleString('en')}).`,
  alphabet: (c: string, at: number) =>
    `The link is garbled: the character ${JSON.stringify(c)} at position ${at + 1} of the scenario data cannot appear in a Warren link.`,
  truncated: 'The link is incomplete: its scenario data stops early, so it was probably cut off when copied. Copy the whole link and try again.',
  corrupt: 'The link is garbled: its scenario data cannot be decompressed (was it edited or mangled by a chat app?).',
  tooLarge: `The link's scenario is too large when unpacked (over ${MAX_JSON_CHARS / 1_000_000} MB).`,
  notJson: 'The link is garbled: it unpacks to something that is not a scenario.',
} as const;

/**
 * The compact JSON that goes into a link: the document without fields equal to their defaults, and
 * a lesson identical to a preset's written as `"@<preset id>"` (the app ships the text in both
 * languages, so links to presets stay short). Preset ids are therefore stable.
 */
export function compactScenarioJson(doc: ScenarioDocument): string {
  const compact = stripDefaults(doc, scenarioDocument) as Record<string, unknown>;
  const source = doc.lesson && PRESETS.find((p) => deepEqual(p.doc.lesson, doc.lesson));
  if (source) compact.lesson = LESSON_REF + source.id;
  return JSON.stringify(compact);
}

const LESSON_REF = '@';

/** Put a preset's lesson back where a link names it; an unknown preset's lesson is left out. */
function expandLessonRef(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('lesson' in value) || typeof value.lesson !== 'string') return value;
  const ref = value.lesson;
  const preset = ref.startsWith(LESSON_REF) ? presetById(ref.slice(LESSON_REF.length)) : undefined;
  const { lesson: _lesson, ...rest } = value;
  return preset?.doc.lesson ? { ...rest, lesson: preset.doc.lesson } : rest;
}

/** `#s=…` for a document (which should already be valid). */
export function encodeShareHash(doc: ScenarioDocument): string {
  return SHARE_PREFIX + LZString.compressToEncodedURIComponent(compactScenarioJson(doc));
}

/** A full share URL: `origin + path` of the app, then the hash. */
export function shareUrl(base: string, doc: ScenarioDocument): string {
  return base.replace(/#.*$/, '') + encodeShareHash(doc);
}

/** Read a `#s=…` hash (with or without the `#`) back into a validated, migrated document. */
export function decodeShareHash(hash: string): ShareDecodeResult {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('s=')) return { ok: false, error: LINK_ERRORS.noScenario };
  let payload = h.slice(2);
  if (payload.length > MAX_HASH_CHARS) return { ok: false, error: LINK_ERRORS.tooLong(payload.length) };
  // Some tools percent-encode `$` and `+`; undo that before decoding.
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return { ok: false, error: LINK_ERRORS.corrupt };
    }
  }
  const lz = decompressUriSafe(payload.trim(), MAX_JSON_CHARS);
  if (!lz.ok) return { ok: false, error: lzMessage(lz.reason, payload, lz.at) };
  const json = parseJson(lz.text);
  if (!json.ok) return { ok: false, error: LINK_ERRORS.notJson };
  const restored = restoreScenario(expandLessonRef(json.value));
  return restored.ok ? restored : { ok: false, error: `The link's scenario cannot be opened. ${restored.error}`, scenario: restored.message };
}

/** A link's failure: English text, and for a scenario that unpacked but cannot be restored, its problem as a message. */
export type ShareDecodeResult = { ok: true; doc: ScenarioDocument } | { ok: false; error: string; scenario?: ScenarioMessage };

function lzMessage(reason: LzFailure, payload: string, at = 0): string {
  switch (reason) {
    case 'empty':
      return LINK_ERRORS.empty;
    case 'alphabet':
      return LINK_ERRORS.alphabet(payload[at], at);
    case 'truncated':
      return LINK_ERRORS.truncated;
    case 'corrupt':
      return LINK_ERRORS.corrupt;
    case 'too-large':
      return LINK_ERRORS.tooLarge;
  }
}

/** What the address bar asks for. */
export type LocationRequest = {
  embed: boolean;
  readonly: boolean;
  source:
    | { kind: 'none' }
    | { kind: 'preset'; id: string; doc: ScenarioDocument }
    | { kind: 'share'; doc: ScenarioDocument }
    | { kind: 'error'; error: string; scenario?: ScenarioMessage };
};

/**
 * Decide what to open from `location.search` and `location.hash`. A `#s=` scenario wins over
 * `?preset=` (it is the preset as the sender edited it); `?embed=1` and `?readonly=1` are flags.
 */
export function parseLocation(search: string, hash: string): LocationRequest {
  const params = new URLSearchParams(search);
  const flag = (name: string) => params.has(name) && !['0', 'false', 'no'].includes(params.get(name)!.toLowerCase());
  const request = { embed: flag('embed'), readonly: flag('readonly') };
  if (/^#?s=/.test(hash)) {
    const r = decodeShareHash(hash);
    return { ...request, source: r.ok ? { kind: 'share', doc: r.doc } : { kind: 'error', error: r.error, ...(r.scenario ? { scenario: r.scenario } : {}) } };
  }
  const id = params.get('preset');
  if (id === null) return { ...request, source: { kind: 'none' } };
  const preset = presetById(id);
  if (!preset) {
    const valid = PRESETS.map((p) => p.id).join(', ');
    return { ...request, source: { kind: 'error', error: `There is no preset called ${JSON.stringify(id)}. Presets: ${valid}.` } };
  }
  return { ...request, source: { kind: 'preset', id: preset.id, doc: preset.doc } };
}
