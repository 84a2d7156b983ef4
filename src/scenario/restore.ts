/**
 * The one way in for a scenario from outside (autosave, URL, file, preset): parse, check its
 * version, migrate, validate, and check references. Errors name the problem and where it is.
 */
import './zodConfig';
import { z } from 'zod';
import { LIMITS, SCENARIO_VERSION, scenarioDocument, type ScenarioDocument } from './schema';
import { canConnect } from './connections';
import { message, messageText, type ScenarioMessage } from './messages';
import { issuePath, zodIssueMessage } from './zod-problem';

/**
 * A failure carries its message as a code with details (`message`, said in the reader's language
 * by the app: app/io/scenarioMessages.ts) and as English text (`error`, for scripts and tests).
 */
export type RestoreResult = { ok: true; doc: ScenarioDocument } | { ok: false; error: string; message: ScenarioMessage };

const fail = (m: ScenarioMessage): { ok: false; error: string; message: ScenarioMessage } => ({ ok: false, error: messageText(m), message: m });

/** Largest JSON text accepted, in characters. */
export const MAX_JSON_CHARS = 5_000_000;

/** Migrations from version N to N+1, keyed by N. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parse JSON text safely: size-limited, and without prototype-polluting keys. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string; message: ScenarioMessage } {
  if (text.length > MAX_JSON_CHARS) return fail(message('restoreTooLarge', { size: formatSize(text.length), limit: formatSize(MAX_JSON_CHARS) }));
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : v));
    return { ok: true, value };
  } catch (e) {
    return fail(message('restoreNotJson', { detail: (e as Error).message }));
  }
}

export function restoreScenario(input: unknown): RestoreResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(message('restoreNotObject'));
  }
  let doc = input as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(message('restoreNoVersion'));
  }
  if (version > SCENARIO_VERSION) {
    return fail(message('restoreNewerVersion', { version, supported: SCENARIO_VERSION }));
  }
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return fail(message('restoreNoMigration', { version }));
    doc = migrate(doc);
  }
  const tooMany = checkCounts(doc);
  if (tooMany) return fail(tooMany);
  const parsed = scenarioDocument.safeParse(doc);
  if (!parsed.success) return fail(describeZodError(parsed.error));
  const refError = checkReferences(parsed.data);
  if (refError) return fail(refError);
  return { ok: true, doc: parsed.data };
}

/** Restore from JSON text (a file, an autosave). */
export function restoreScenarioText(text: string): RestoreResult {
  const json = parseJson(text);
  return json.ok ? restoreScenario(json.value) : json;
}

/** Refuse huge documents before validating every element of them. */
function checkCounts(doc: Record<string, unknown>): ScenarioMessage | null {
  for (const [field, limit, code] of [['nodes', LIMITS.nodes, 'restoreTooManyNodes'], ['edges', LIMITS.edges, 'restoreTooManyConnections']] as const) {
    const list = doc[field];
    if (Array.isArray(list) && list.length > limit) return message(code, { limit: limit.toLocaleString('en'), count: list.length.toLocaleString('en') });
  }
  return null;
}

function checkReferences(doc: ScenarioDocument): ScenarioMessage | null {
  const ids = new Set<string>();
  for (const n of doc.nodes) {
    if (ids.has(n.id)) return message('restoreDuplicateNodeId', { id: n.id });
    ids.add(n.id);
  }
  const names = new Map<string, string>();
  for (const n of doc.nodes) {
    if (n.kind !== 'exchange' && n.kind !== 'queue') continue;
    const key = `${n.kind}:${n.config.vhost}:${n.config.name}`;
    if (names.has(key)) return message(n.kind === 'exchange' ? 'restoreDuplicateExchange' : 'restoreDuplicateQueue', { name: n.config.name });
    names.set(key, n.id);
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edgeIds = new Set<string>();
  const seen: ScenarioDocument['edges'] = [];
  for (const e of doc.edges) {
    if (edgeIds.has(e.id)) return message('restoreDuplicateConnectionId', { id: e.id });
    edgeIds.add(e.id);
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) return message('restoreDanglingConnection', { id: e.id });
    const verdict = canConnect({ nodes: doc.nodes, edges: seen }, e.source, e.target);
    if (!verdict.ok) {
      const named = (n: typeof source) => (n.kind === 'note' ? n.id : n.config.name);
      return message('restoreRefusedConnection', { id: e.id, sourceKind: source.kind, source: named(source), targetKind: target.kind, target: named(target) });
    }
    if (verdict.kind !== e.kind) return message('restoreWrongConnectionKind', { id: e.id, kind: e.kind, expected: verdict.kind });
    seen.push(e);
  }
  return null;
}

/** The first problem zod found, naming where it is. */
export function describeZodError(error: z.ZodError): ScenarioMessage {
  const issue = error.issues[0];
  const problem = [issue ? zodIssueMessage(issue) : message('zodOther', { text: 'invalid' })];
  const where = issue ? issuePath(issue) : '';
  const others = error.issues.length - 1;
  if (!where) return message('restoreInvalidDocument', { problem });
  return message(others ? 'restoreInvalidMore' : 'restoreInvalid', { where, problem, ...(others ? { others } : {}) });
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} kB`;
}
