// npm run conformance -- [DIR...]
//
// Runs every scenario module (*.mjs exporting `scenarios`) in the given folders against Warren's engine and
// compares the observations with <dir>/expected/<name>.json (object keys sorted). One line per scenario:
// `ok`, `DIFF` (with a readable diff) or `ERROR`; then `N/M match`. Exit code 1 on any mismatch.
//
// Contract: conformance/rabbitmq-3.10/README.md (and ops/README.md, cluster/README.md for those folders).
// Each case gets a fresh createBroker({ seed: 1 }) (cluster/ cases: with nodes r1..r3@localhost); ops/ and
// cluster/ cases also get ctx.admin = broker.admin, and cluster/ cases ctx.queueInfo = broker.admin.queueInfo.
// wait(ms) is broker.advance(ms); a case fails when it
// waits more than VIRTUAL_LIMIT_MS of virtual time or runs longer than WALL_LIMIT_MS of real time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { amqplibCallbackModule, createBroker, type Broker, type Connection } from '../src/engine/index';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folders run by default. */
export const DEFAULT_DIRS = ['conformance/rabbitmq-3.10', 'conformance/rabbitmq-3.10/ops', 'conformance/rabbitmq-3.10/cluster', 'conformance/warren', 'conformance/warren/ops', 'conformance/warren/cluster'];

const VIRTUAL_LIMIT_MS = 10 * 60 * 1000;
const WALL_LIMIT_MS = 20000;
const CLUSTER_NODES = ['r1@localhost', 'r2@localhost', 'r3@localhost'];

export type Kind = 'plain' | 'ops' | 'cluster';

export interface Scenario {
  name: string;
  desc?: string;
  run: (ch: unknown, wait: (ms: number) => Promise<void>, log: (o: unknown) => void, ctx: Record<string, unknown>) => Promise<void>;
}

export interface ScenarioResult {
  name: string;
  dir: string;
  status: 'ok' | 'DIFF' | 'ERROR' | 'NO-EXPECTED';
  observations: unknown[];
  expected: unknown[] | null;
  error: string | null;
  diff: string[];
  ms: number;
}

/** Which contract a folder's cases follow. */
export function kindOf(dir: string): Kind {
  const base = path.basename(path.resolve(dir));
  return base === 'ops' ? 'ops' : base === 'cluster' ? 'cluster' : 'plain';
}

/** Runs one scenario on a fresh engine broker and returns its observations (a thrown error ends them with `scenarioError`). */
export async function runScenarioOnEngine(
  s: Scenario,
  opts: { kind?: Kind; onBroker?: (b: Broker) => void } = {},
): Promise<{ observations: unknown[]; error: string | null }> {
  const kind = opts.kind ?? 'plain';
  const broker: Broker = createBroker(kind === 'cluster' ? { seed: 1, nodes: CLUSTER_NODES } : { seed: 1 });
  opts.onBroker?.(broker); // scripts/trace-fingerprint.ts hashes the broker's whole trace
  const observations: unknown[] = [];
  const log = (o: unknown) => {
    observations.push(JSON.parse(JSON.stringify(o)));
  };
  const started = Date.now();
  let waited = 0;
  const wait = async (ms: number) => {
    waited += ms;
    if (waited > VIRTUAL_LIMIT_MS) throw new Error(`scenario waited more than ${VIRTUAL_LIMIT_MS} virtual ms`);
    if (Date.now() - started > WALL_LIMIT_MS) throw new Error(`scenario ran longer than ${WALL_LIMIT_MS} ms`);
    await broker.advance(ms);
  };
  const wrapCh = <T extends { on(e: string, l: (...a: unknown[]) => void): unknown }>(ch: T): T => {
    ch.on('error', () => {}); // channel errors surface as rejected promises
    return ch;
  };
  const wrapConn = (c: Connection) => {
    c.on('error', () => {});
    return {
      createChannel: async () => wrapCh(await c.createChannel()),
      createConfirmChannel: async () => wrapCh(await c.createConfirmChannel()),
      updateSecret: (secret: Uint8Array, reason: string) => c.updateSecret(secret, reason),
      close: async () => {
        try {
          await c.close();
        } catch {
          /* already closed */
        }
      },
      on(event: string, cb: (d: unknown) => void) {
        if (event === 'blocked') c.on('blocked', (reason: unknown) => cb({ event, reason: String(reason) }));
        else if (event === 'unblocked') c.on('unblocked', () => cb({ event }));
        else if (event === 'close') c.on('close', (e?: Error) => cb({ event, ...(e ? errData(e) : { code: null, text: null }) }));
        else if (event === 'error') c.on('error', (e: Error) => cb({ event, ...errData(e) }));
        else throw new Error(`unsupported connection event ${event}`);
      },
    };
  };
  let error: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const conn = wrapConn(await broker.connect());
    const ch = await conn.createChannel();
    const ctx: Record<string, unknown> = {
      conn,
      connect: async (o?: Record<string, unknown>) => wrapConn(await broker.connect(o ?? {})),
      // amqplib's callback API on a connection of its own (the fuzzer's second client style)
      connectCallback: () => new Promise((resolve, reject) => {
        amqplibCallbackModule(broker).connect((e, c) => {
          if (e || !c) reject(e);
          else { c.on('error', () => {}); resolve(c); }
        });
      }),
    };
    if (kind !== 'plain') ctx.admin = broker.admin;
    if (kind === 'cluster') ctx.queueInfo = (n: string) => broker.admin.queueInfo(n);
    await Promise.race([
      s.run(ch, wait, log, ctx),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('scenario timeout (wall clock)')), WALL_LIMIT_MS);
      }),
    ]);
  } catch (e) {
    error = String((e as Error)?.message);
    observations.push({ scenarioError: error });
  } finally {
    clearTimeout(timer);
  }
  return { observations, error };
}

function errData(e: Error & { code?: unknown }) {
  const m = /with message "([^"]*)"/.exec(e && e.message ? e.message : '');
  return { code: e && e.code !== undefined ? e.code : null, text: m ? m[1] : String(e && e.message) };
}

/** Loads the scenarios of one folder (modules without a `scenarios` export, like lib.mjs, are skipped). */
export async function loadScenarios(dir: string): Promise<Scenario[]> {
  const abs = path.resolve(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: Scenario[] = [];
  for (const f of fs.readdirSync(abs).filter((n) => n.endsWith('.mjs')).sort()) {
    const mod = await import(pathToFileURL(path.join(abs, f)).href);
    if (Array.isArray(mod.scenarios)) out.push(...mod.scenarios);
  }
  return out;
}

/** Canonical JSON: object keys sorted at every level. */
export function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = canon((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

function diffLines(expected: unknown[], actual: unknown[]): string[] {
  const out: string[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const a = i < expected.length ? JSON.stringify(canon(expected[i])) : '(none)';
    const b = i < actual.length ? JSON.stringify(canon(actual[i])) : '(none)';
    if (a !== b) out.push(`  [${i}] expected ${a}`, `  [${i}] actual   ${b}`);
  }
  return out;
}

/** Runs every scenario of the folders; `names` filters by scenario name. */
export async function runConformance(dirs: string[] = DEFAULT_DIRS, names: string[] = []): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const dir of dirs) {
    const kind = kindOf(dir);
    for (const s of await loadScenarios(dir)) {
      if (names.length && !names.includes(s.name)) continue;
      const t0 = Date.now();
      const { observations, error } = await runScenarioOnEngine(s, { kind });
      const file = path.resolve(ROOT, dir, 'expected', `${s.name}.json`);
      const expected = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')).observations as unknown[]) : null;
      let status: ScenarioResult['status'];
      let diff: string[] = [];
      if (!expected) status = 'NO-EXPECTED';
      else if (JSON.stringify(canon(expected)) === JSON.stringify(canon(observations))) status = 'ok';
      else {
        diff = diffLines(expected, observations);
        status = error && !JSON.stringify(expected).includes('scenarioError') ? 'ERROR' : 'DIFF';
      }
      results.push({ name: s.name, dir, status, observations, expected, error, diff, ms: Date.now() - t0 });
    }
  }
  return results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith('--') && fs.existsSync(path.resolve(ROOT, a)));
  const names = args.filter((a) => !a.startsWith('--') && !fs.existsSync(path.resolve(ROOT, a)));
  const results = await runConformance(dirs.length ? dirs : DEFAULT_DIRS, names);
  for (const r of results) {
    const where = path.basename(r.dir);
    const extra = r.status === 'ERROR' ? `: ${r.error}` : '';
    console.log(`${r.status.padEnd(6)} ${where}/${r.name} (${r.ms} ms)${extra}`);
    for (const l of r.diff) console.log(l);
  }
  const good = results.filter((r) => r.status === 'ok').length;
  console.log(`${good}/${results.length} match`);
  process.exitCode = good === results.length ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
