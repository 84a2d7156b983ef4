// The definitions.json round trips on a real RabbitMQ 3.10.8 (part of `npm run conformance:real`):
//
// 1. every preset: Warren's export → `rabbitmqctl import_definitions` on a reset node → `export_definitions`
//    → equal to Warren's export, kind by kind;
// 2. a real broker's export (src/scenario/fixtures/real-broker.definitions.json, built on the real broker by
//    definitions-fixture.ts) → imported into Warren → exported by Warren → imported into a reset node →
//    exported → equal to the fixture, kind by kind.
//
// Only what the broker legitimately does differently is normalised, each named in NORMALISED below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, type RabbitNode } from './broker.ts';
import { FIXTURE, buildRealisticBroker, exportFrom } from './definitions-fixture.ts';
import { exportDefinitions, kindByKind, type Definitions } from '../../src/scenario/definitions.ts';
import { importDefinitions } from '../../src/scenario/definitions-import.ts';
import { PRESETS } from '../../src/scenario/presets/index.ts';
import { messageText } from '../../src/scenario/messages.ts';

export const NORMALISED = [
  'presets: RabbitMQ 3.10.8 leaves internal exchanges out of its export: they are checked with list_exchanges instead',
  'the real-broker fixture: compared with what the broker gives back when it imports the fixture itself (it drops the bindings of the internal exchange its export left out, and turns a one-string vhost tag into a list)',
];
export interface DefinitionsOutcome { name: string; ok: boolean; status: string; details: string[] }

/** Back to a fresh install: stop_app, reset, start_app (guest/guest on '/', nothing else). */
async function resetNode(node: RabbitNode): Promise<void> {
  await ctl(node, ['stop_app']);
  await ctl(node, ['reset']);
  await ctl(node, ['start_app']);
}

/** The differences between two files, kind by kind (entry order and key order do not count). */
export function kindDiffs(want: object, have: object, labels: [string, string]): string[] {
  const a = kindByKind(want);
  const b = kindByKind(have);
  const diffs: string[] = [];
  for (const kind of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const wanted = new Set(a[kind] ?? []);
    const had = new Set(b[kind] ?? []);
    for (const e of wanted) if (!had.has(e)) diffs.push(`${kind}: only in ${labels[0]}: ${e}`);
    for (const e of had) if (!wanted.has(e)) diffs.push(`${kind}: only in ${labels[1]}: ${e}`);
  }
  return diffs;
}

async function importInto(node: RabbitNode, defs: unknown): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warren-defs-'));
  const file = path.join(dir, 'in.json');
  try {
    fs.writeFileSync(file, JSON.stringify(defs));
    await ctl(node, ['import_definitions', file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Internal exchanges the broker holds (its export does not list them). */
async function internalExchanges(node: RabbitNode, vhosts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const v of vhosts) {
    const text = await ctl(node, ['list_exchanges', '-p', v, 'name', 'type', 'durable', 'auto_delete', 'internal', 'arguments', '--formatter', 'json']);
    for (const x of JSON.parse(text || '[]') as { name: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: unknown[] }[]) {
      if (x.internal) out.push(JSON.stringify({ vhost: v, name: x.name, type: x.type, durable: x.durable, auto_delete: x.auto_delete }));
    }
  }
  return out.sort();
}

/** Compare what went in with what the broker gives back; returns the differences, kind by kind. */
async function compare(node: RabbitNode, sent: Definitions | Record<string, unknown>, back: Record<string, unknown>): Promise<string[]> {
  const exchanges = (sent.exchanges ?? []) as { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal?: boolean }[];
  const internal = exchanges.filter((x) => x.internal);
  const diffs = kindDiffs({ ...sent, exchanges: exchanges.filter((x) => !x.internal) }, back, ['what was imported', 'the broker\'s export']);
  if (!internal.length) return diffs;
  const held = await internalExchanges(node, [...new Set(internal.map((x) => x.vhost))]);
  for (const x of internal) {
    const e = JSON.stringify({ vhost: x.vhost, name: x.name, type: x.type, durable: x.durable, auto_delete: x.auto_delete });
    if (!held.includes(e)) diffs.push(`exchanges: internal exchange not on the broker: ${e}`);
  }
  return diffs;
}

async function roundTrip(node: RabbitNode, name: string, sent: Definitions | Record<string, unknown>): Promise<DefinitionsOutcome> {
  await resetNode(node);
  try {
    await importInto(node, sent);
  } catch (e) {
    return { name, ok: false, status: 'import_definitions refused it', details: [(e as Error).message] };
  }
  const back = await exportFrom(node);
  const diffs = await compare(node, sent, back);
  const counts = Object.entries(kindByKind(sent)).filter(([, l]) => l.length).map(([k, l]) => `${l.length} ${k}`).join(', ');
  return { name, ok: diffs.length === 0, status: diffs.length ? `${diffs.length} difference(s)` : `same definitions (${counts})`, details: diffs };
}

/** Both round trips; `log` gets one line per case as it finishes. */
export async function runDefinitionsRoundTrips(node: RabbitNode, names: (n: string) => boolean, log: (o: DefinitionsOutcome) => void): Promise<DefinitionsOutcome[]> {
  const outcomes: DefinitionsOutcome[] = [];
  const fixtureCase = 'definitions/real-broker-fixture';
  if (names(fixtureCase)) {
    const o = await fixtureRoundTrip(node, fixtureCase);
    outcomes.push(o);
    log(o);
  }
  for (const p of PRESETS) {
    const name = `definitions/preset/${p.id}`;
    if (!names(name)) continue;
    const { definitions } = await exportDefinitions(p.doc);
    const o = await roundTrip(node, name, definitions);
    outcomes.push(o);
    log(o);
  }
  return outcomes;
}

/**
 * The fixture through Warren (import, export) must be the fixture, kind by kind; and imported into the
 * broker, it must give back exactly what the fixture itself gives back when the broker imports it.
 */
async function fixtureRoundTrip(node: RabbitNode, name: string): Promise<DefinitionsOutcome> {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const imported = await importDefinitions(fixture);
  if (!imported.ok) return { name, ok: false, status: 'Warren refused the fixture', details: [messageText(imported.error)] };
  const { definitions } = await exportDefinitions(imported.doc);
  const details = kindDiffs(fixture, definitions, ['the fixture', 'Warren\'s export']);
  const viaBroker = async (defs: object) => {
    await resetNode(node);
    await importInto(node, defs);
    return exportFrom(node);
  };
  let fromFixture: Record<string, unknown>;
  let fromWarren: Record<string, unknown>;
  try {
    fromFixture = await viaBroker(fixture);
    fromWarren = await viaBroker(definitions);
  } catch (e) {
    return { name, ok: false, status: 'import_definitions refused it', details: [(e as Error).message] };
  }
  details.push(...kindDiffs(fromFixture, fromWarren, ['the broker after importing the fixture', 'the broker after importing Warren\'s export']));
  const normalised = kindDiffs(fixture, fromFixture, ['the fixture', 'the broker after importing it']).length;
  const counts = Object.entries(kindByKind(definitions)).filter(([, l]) => l.length).map(([k, l]) => `${l.length} ${k}`).join(', ');
  return {
    name,
    ok: details.length === 0,
    status: details.length ? `${details.length} difference(s)` : `Warren's export = fixture; broker(Warren's export) = broker(fixture) (${counts}; ${normalised} entries the broker itself changes)`,
    details,
  };
}

/** Rebuild the fixture on a reset node (`--definitions-fixture`). */
export async function rebuildFixture(node: RabbitNode): Promise<void> {
  await resetNode(node);
  await buildRealisticBroker(node);
  const defs = await exportFrom(node);
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
  fs.writeFileSync(FIXTURE, `${JSON.stringify(sorted(defs), null, 2)}\n`);
}
