/**
 * The one way in for a scenario from outside (autosave, URL, file, preset): parse, check its
 * version, migrate, validate, and check references. Errors name the problem and where it is.
 */
import './zodConfig';
import { z } from 'zod';
import { LIMITS, SCENARIO_VERSION, scenarioDocument, type ScenarioDocument } from './schema';
import { canConnect } from './connections';

export type RestoreResult = { ok: true; doc: ScenarioDocument } | { ok: false; error: string };

/** Largest JSON text accepted, in characters. */
export const MAX_JSON_CHARS = 5_000_000;

/** Migrations from version N to N+1, keyed by N. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parse JSON text safely: size-limited, and without prototype-polluting keys. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.length > MAX_JSON_CHARS) {
    return { ok: false, error: `The scenario is too large (${formatSize(text.length)}; the limit is ${formatSize(MAX_JSON_CHARS)}).` };
  }
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : v));
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: `The scenario is not valid JSON: ${(e as Error).message}` };
  }
}

export function restoreScenario(input: unknown): RestoreResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'A scenario must be a JSON object with a version, nodes and edges.' };
  }
  let doc = input as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'The scenario has no valid "version" field.' };
  }
  if (version > SCENARIO_VERSION) {
    return { ok: false, error: `This scenario was made by a newer Warren (format version ${version}; this one reads up to ${SCENARIO_VERSION}).` };
  }
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, error: `Format version ${version} cannot be migrated.` };
    doc = migrate(doc);
  }
  const tooMany = checkCounts(doc);
  if (tooMany) return { ok: false, error: tooMany };
  const parsed = scenarioDocument.safeParse(doc);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const refError = checkReferences(parsed.data);
  if (refError) return { ok: false, error: refError };
  return { ok: true, doc: parsed.data };
}

/** Restore from JSON text (a file, an autosave). */
export function restoreScenarioText(text: string): RestoreResult {
  const json = parseJson(text);
  return json.ok ? restoreScenario(json.value) : json;
}

/** Refuse huge documents before validating every element of them. */
function checkCounts(doc: Record<string, unknown>): string | null {
  for (const [field, limit, what] of [['nodes', LIMITS.nodes, 'nodes'], ['edges', LIMITS.edges, 'connections']] as const) {
    const list = doc[field];
    if (Array.isArray(list) && list.length > limit) {
      return `A scenario has at most ${limit.toLocaleString('en')} ${what}; this one has ${list.length.toLocaleString('en')}.`;
    }
  }
  return null;
}

function checkReferences(doc: ScenarioDocument): string | null {
  const ids = new Set<string>();
  for (const n of doc.nodes) {
    if (ids.has(n.id)) return `Two nodes share the id "${n.id}".`;
    ids.add(n.id);
  }
  const names = new Map<string, string>();
  for (const n of doc.nodes) {
    if (n.kind !== 'exchange' && n.kind !== 'queue') continue;
    const key = `${n.kind}:${n.config.vhost}:${n.config.name}`;
    if (names.has(key)) return `Two ${n.kind}s are both named "${n.config.name}".`;
    names.set(key, n.id);
  }
  const edgeIds = new Set<string>();
  const seen: ScenarioDocument['edges'] = [];
  for (const e of doc.edges) {
    if (edgeIds.has(e.id)) return `Two connections share the id "${e.id}".`;
    edgeIds.add(e.id);
    if (!ids.has(e.source) || !ids.has(e.target)) return `Connection "${e.id}" points to a node that does not exist.`;
    const verdict = canConnect({ nodes: doc.nodes, edges: seen }, e.source, e.target);
    if (!verdict.ok) return `Connection "${e.id}": ${verdict.reason}`;
    if (verdict.kind !== e.kind) return `Connection "${e.id}" is a ${e.kind} but joins nodes that make a ${verdict.kind}.`;
    seen.push(e);
  }
  return null;
}

/** One readable line for the first problem zod found, naming where it is. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The scenario is not valid.';
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the document';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `Invalid scenario at ${where}: ${issue.message}${more}`;
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} kB`;
}
