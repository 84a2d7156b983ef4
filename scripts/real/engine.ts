/* eslint-disable @typescript-eslint/no-explicit-any -- the engine is loaded dynamically; it may not exist yet */
// The engine side of conformance:real and the fuzzer: one function, `runOnEngine(scenario, kind)`.
//
// Preferred: the runner core that scripts/conformance.ts exports (the same code `npm run conformance` uses).
// Until that exists, a small adapter of our own on createBroker from src/engine/index.ts implements the
// scenario contract (conformance/README.md). When neither exists, loadEngine() says why and the caller
// runs the real broker side alone.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './suites.ts';
import type { Kind, RunResult, Scenario } from './run-real.ts';

export type EngineRun = (s: Scenario, kind: Kind) => Promise<RunResult>;

export interface EngineHandle {
  run: EngineRun | null;
  /** what is being used, or why nothing is. */
  how: string;
  createBroker?: (opts: any) => any;
}

const REAL_TIME_LIMIT_MS = 15000; // virtual time cannot hang, but a promise that never settles can
const CLUSTER_NODES = ['r1@localhost', 'r2@localhost', 'r3@localhost'];

/** Names under which scripts/conformance.ts may export its core (first found wins). */
const CORE_EXPORTS = ['runScenarioOnEngine', 'runOnEngine', 'runEngineScenario', 'runScenario'];

function normalise(r: any, t0: number): RunResult {
  if (Array.isArray(r)) return { observations: r, error: null, ms: Date.now() - t0 };
  const observations: unknown[] = r?.observations ?? r?.result?.observations ?? [];
  const last = observations[observations.length - 1] as any;
  const error = r?.error ?? (last && typeof last === 'object' && 'scenarioError' in last ? String(last.scenarioError) : null);
  return { observations, error: error ? String(error?.message ?? error) : null, ms: Date.now() - t0 };
}

export async function loadEngine(): Promise<EngineHandle> {
  const core = path.join(ROOT, 'scripts', 'conformance.ts');
  if (fs.existsSync(core)) {
    const src = fs.readFileSync(core, 'utf8');
    const name = CORE_EXPORTS.find((n) => new RegExp(`export\\s+(async\\s+)?function\\s+${n}\\b|export\\s+const\\s+${n}\\b|export\\s*\\{[^}]*\\b${n}\\b`).test(src));
    if (name) {
      const mod = await import(pathToFileURL(core).href);
      const fn = mod[name];
      if (typeof fn === 'function') {
        return {
          how: `scripts/conformance.ts ${name}()`,
          createBroker: await importCreateBroker(),
          run: async (s, kind) => {
            const t0 = Date.now();
            try { return normalise(await fn(s, { kind }), t0); } catch (e) {
              return { observations: [{ scenarioError: String((e as Error)?.message) }], error: String((e as Error)?.message), ms: Date.now() - t0 };
            }
          },
        };
      }
    }
  }
  const createBroker = await importCreateBroker();
  if (!createBroker) {
    return { run: null, how: 'engine not available yet (no runner export in scripts/conformance.ts, no createBroker in src/engine/index.ts)' };
  }
  return { run: (s, kind) => adapterRun(createBroker, s, kind), how: 'own adapter on createBroker (src/engine/index.ts)', createBroker };
}

async function importCreateBroker(): Promise<((opts: any) => any) | undefined> {
  const idx = path.join(ROOT, 'src', 'engine', 'index.ts');
  if (!fs.existsSync(idx)) return undefined;
  try {
    const mod = await import(pathToFileURL(idx).href);
    return typeof mod.createBroker === 'function' ? mod.createBroker : undefined;
  } catch { return undefined; }
}

function errData(e: any) {
  const m = /with message "([^"]*)"/.exec(e && e.message ? e.message : '');
  return { code: e && e.code !== undefined ? e.code : null, text: m ? m[1] : String(e && e.message) };
}

/** The scenario contract on the engine (fallback while scripts/conformance.ts exports no core). */
async function adapterRun(createBroker: (opts: any) => any, s: Scenario, kind: Kind): Promise<RunResult> {
  const t0 = Date.now();
  const broker = createBroker(kind === 'cluster' ? { seed: 1, nodes: CLUSTER_NODES } : { seed: 1 });
  const observations: unknown[] = [];
  const log = (o: unknown) => { observations.push(JSON.parse(JSON.stringify(o))); };
  const wait = async (ms: number) => { await broker.advance(ms); };
  const wrapConn = (c: any) => ({
    createChannel: () => c.createChannel(),
    createConfirmChannel: () => c.createConfirmChannel(),
    updateSecret: (secret: Uint8Array, reason: string) => c.updateSecret(secret, reason),
    close: async () => { try { await c.close(); } catch { /* already closed */ } },
    on(event: string, cb: (d: unknown) => void) {
      if (event === 'blocked') c.on('blocked', (reason: unknown) => cb({ event, reason: String(reason) }));
      else if (event === 'unblocked') c.on('unblocked', () => cb({ event }));
      else if (event === 'close') c.on('close', (e: unknown) => cb({ event, ...(e ? errData(e) : { code: null, text: null }) }));
      else if (event === 'error') c.on('error', (e: unknown) => cb({ event, ...errData(e) }));
      else throw new Error(`unsupported connection event ${event}`);
    },
  });
  let error: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const conn = wrapConn(await broker.connect());
    const ch = await conn.createChannel();
    const ctx: any = { conn, connect: async (opts?: any) => wrapConn(await broker.connect(opts)) };
    if (kind !== 'plain') ctx.admin = broker.admin;
    if (kind === 'cluster') ctx.queueInfo = (name: string) => broker.admin.queueInfo(name);
    await Promise.race([
      s.run(ch, wait, log, ctx),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error('scenario timeout')), REAL_TIME_LIMIT_MS); }),
    ]);
  } catch (e) {
    error = String((e as Error)?.message);
    observations.push({ scenarioError: error });
  } finally {
    clearTimeout(timer);
  }
  return { observations, error, ms: Date.now() - t0 };
}
