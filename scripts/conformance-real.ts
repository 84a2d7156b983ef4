// npm run conformance:real -- [options] [names...]
//
// Runs every conformance scenario against a real RabbitMQ (through amqplib) AND against Warren's engine, and
// prints per scenario whether both agree, with a readable diff where they do not. The broker is a private
// node started for the run (loopback only, state in a temporary folder, nothing system-wide touched) and
// stopped at the end by its process ids.
//
//   (no option)     plain and ops cases of conformance/rabbitmq-3.10 and conformance/warren
//   --cluster       also the cluster cases, on a private three-node cluster started and stopped here (slow)
//   --no-ops        skip the broker-level (ops) cases
//   --definitions   only the definitions.json round trips (scripts/real/definitions.ts): every preset's export
//                   through import_definitions/export_definitions, and the real-broker fixture through Warren
//   --no-definitions  skip those round trips
//   --definitions-fixture  rebuild src/scenario/fixtures/real-broker.definitions.json on the real broker, then exit
//   --suite S       only suite S: rabbitmq-3.10 | warren
//   --record        rewrite conformance/warren/expected/*.json from the real broker (never the rabbitmq-3.10
//                   ones); each case runs --repeat times (default 3) and is written only if all runs agree
//   --repeat N      run each case N times on the real broker and report cases whose runs differ
//   --no-engine     real broker only (compare with the expected files)
//   --reuse         use the node of scripts/rabbitmq/broker.sh if it is running (left running)
//   -j N            plain cases to run at once on the broker (default 1)
//   --tutorials     the tutorial programs instead (conformance/tutorials): their console output on the real
//                   broker, the expected files and the engine; with --record, rewrite the expected output
//   --list          list the scenarios and exit
//   --no-codegen    skip the generated client programs (scripts/real/codegen.ts): by default the program
//                   Warren generates for every preset runs on the real broker, in amqplib, pika, Go and Java,
//                   and its counts are compared with the engine's
//   --codegen-only  only the generated client programs
//   --languages L   comma-separated: amqplib,pika,go,java (default: all four)
//   --messages N    messages per producer for the generated programs (default 5)
//   --presets P     comma-separated preset ids for the generated programs (default: every preset)
//   names...        only these scenarios (exact names, or /regex/)
//
// Exit code 0 when every case agrees everywhere (real = expected = engine), 1 otherwise.
import fs from 'node:fs';
import {
  INSTALL_HINT, rabbitInstalled, startNode, stopNode, stopOwnedEpmd, attachScriptNode, startCluster, stopCluster,
  type RabbitNode, type RabbitCluster,
} from './real/broker.ts';
import { runOnReal, type Kind, type RunResult } from './real/run-real.ts';
import { loadScenarios, readExpected, writeExpected, type LoadedScenario } from './real/suites.ts';
import { loadEngine } from './real/engine.ts';
import { same, diffObservations } from './real/compare.ts';
import { runTutorials } from './real/tutorials.ts';
import { NORMALISED, rebuildFixture, runDefinitionsRoundTrips } from './real/definitions.ts';
import { runCodegenPart } from './real/codegen.ts';
import { RUNNABLE, type RunnableLanguage } from './real/codegen-run.ts';

interface Options {
  cluster: boolean; ops: boolean; suite: string | null; record: boolean; repeat: number; engine: boolean;
  reuse: boolean; jobs: number; list: boolean; names: string[]; quiet: boolean; tutorials: boolean;
  definitions: 'also' | 'only' | 'no' | 'fixture';
  codegen: 'yes' | 'no' | 'only'; languages: RunnableLanguage[]; messages: number; presets: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { cluster: false, ops: true, suite: null, record: false, repeat: 1, engine: true, reuse: false, jobs: 1, list: false, names: [], quiet: false, tutorials: false, definitions: 'also',
    codegen: 'yes', languages: [...RUNNABLE], messages: 5, presets: [] };
  let repeatSet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cluster') o.cluster = true;
    else if (a === '--no-ops') o.ops = false;
    else if (a === '--definitions') o.definitions = 'only';
    else if (a === '--no-definitions') o.definitions = 'no';
    else if (a === '--definitions-fixture') o.definitions = 'fixture';
    else if (a === '--suite') o.suite = argv[++i];
    else if (a === '--record') o.record = true;
    else if (a === '--repeat') { o.repeat = Math.max(1, Number(argv[++i])); repeatSet = true; }
    else if (a === '--no-engine') o.engine = false;
    else if (a === '--reuse') o.reuse = true;
    else if (a === '-j' || a === '--jobs') o.jobs = Math.max(1, Number(argv[++i]));
    else if (a === '--list') o.list = true;
    else if (a === '--tutorials') o.tutorials = true;
    else if (a === '--no-codegen') o.codegen = 'no';
    else if (a === '--codegen-only') o.codegen = 'only';
    else if (a === '--languages') o.languages = argv[++i].split(',').filter(Boolean) as RunnableLanguage[];
    else if (a === '--messages') o.messages = Math.max(1, Number(argv[++i]));
    else if (a === '--presets') o.presets = argv[++i].split(',').filter(Boolean);
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') { printHelp(); process.exit(0); }
    else if (a.startsWith('-')) { console.error(`unknown option ${a}`); printHelp(); process.exit(2); }
    else o.names.push(a);
  }
  if (o.record || o.cluster || o.suite) o.definitions = o.definitions === 'also' ? 'no' : o.definitions;
  if (o.record && !repeatSet) o.repeat = 3;
  if (o.record && !o.suite) o.suite = 'warren';
  if (o.record && o.suite !== 'warren') { console.error('--record only rewrites the project\'s own cases (--suite warren)'); process.exit(2); }
  if (o.record || o.list || o.names.length || o.suite || !o.engine) o.codegen = o.codegen === 'only' ? 'only' : 'no';
  const unknown = o.languages.filter((l) => !RUNNABLE.includes(l));
  if (unknown.length) { console.error(`--languages: ${unknown.join(', ')} cannot run here (${RUNNABLE.join(', ')} can)`); process.exit(2); }
  return o;
}

function printHelp(): void {
  const src = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  console.log(src.filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
}

function matches(name: string, pats: string[]): boolean {
  if (!pats.length) return true;
  return pats.some((p) => (p.startsWith('/') && p.endsWith('/') && p.length > 2 ? new RegExp(p.slice(1, -1)).test(name) : p === name));
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');

interface Outcome { s: LoadedScenario; status: string; ok: boolean; details: string[] }

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const kinds: Kind[] = ['plain'];
  if (opts.ops) kinds.push('ops');
  if (opts.cluster) kinds.push('cluster');
  const { scenarios: all, notes } = await loadScenarios(kinds);
  for (const n of notes) console.log(`note: ${n}`);
  // --definitions (or --definitions-fixture) and --codegen-only each run their own part alone
  const only = opts.definitions === 'only' || opts.definitions === 'fixture' || opts.codegen === 'only';
  const todo = only ? [] : all.filter((s) => (!opts.suite || s.suite === opts.suite) && matches(s.name, opts.names));
  const withDefinitions = opts.definitions !== 'no' && opts.codegen !== 'only';
  const withCodegen = opts.codegen !== 'no' && opts.definitions !== 'only' && opts.definitions !== 'fixture';
  if (opts.list) {
    for (const s of todo) console.log(`${pad(`${s.suite}/${s.kind === 'plain' ? '' : `${s.kind}/`}${s.name}`, 50)} ${s.desc}`);
    return;
  }
  if (!todo.length && !withDefinitions && !withCodegen) { console.error('no scenario matches'); process.exitCode = 2; return; }
  if (!rabbitInstalled()) { console.error(INSTALL_HINT); process.exitCode = 2; return; }
  if (opts.tutorials) {
    process.exitCode = (await runTutorials({ record: opts.record, repeat: opts.repeat, names: opts.names })) ? 0 : 1;
    return;
  }

  const engine = opts.engine && !opts.record ? await loadEngine() : { run: null, how: opts.record ? 'not used with --record' : 'disabled (--no-engine)' };
  console.log(`engine: ${engine.how}`);
  if (opts.engine && !opts.record && !engine.run) {
    // TODO(conformance:real): wire in once scripts/conformance.ts exports its runner core
    // (see scripts/real/engine.ts for the names looked for) or src/engine/index.ts exports createBroker.
    console.log('       running the real broker side only; the engine columns read "n/a"');
  }

  let node: RabbitNode | null = null;
  let cluster: RabbitCluster | null = null;
  const cleanup = async () => {
    if (cluster) { const c = cluster; cluster = null; await stopCluster(c); }
    if (node?.owned) { const n = node; node = null; await stopNode(n); }
    stopOwnedEpmd();
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error('\ninterrupted: stopping the broker(s) started by this run');
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const outcomes: Outcome[] = [];
  const defOutcomes: { name: string; ok: boolean }[] = [];
  const t0 = Date.now();
  try {
    const single = todo.filter((s) => s.kind !== 'cluster');
    const clustered = todo.filter((s) => s.kind === 'cluster');
    if (single.length || withDefinitions || withCodegen) {
      if (opts.reuse) {
        node = await attachScriptNode();
        if (node) console.log(`broker: reusing ${node.nodename} on 127.0.0.1:${node.port} (scripts/rabbitmq/broker.sh; left running)`);
      }
      if (!node) {
        console.log('broker: starting a private RabbitMQ node on loopback ...');
        node = await startNode({ log: (s) => console.log(`broker: ${s}`) });
      }
      const target = { nodes: [node] };
      const plain = single.filter((s) => s.kind === 'plain');
      const ops = single.filter((s) => s.kind === 'ops');
      await runAll(plain, opts.jobs, (s) => judge(s, opts, target, engine.run), outcomes, opts);
      await runAll(ops, 1, (s) => judge(s, opts, target, engine.run), outcomes, opts);
      if (opts.definitions === 'fixture') {
        await rebuildFixture(node);
        console.log('definitions: fixture rebuilt on the real broker (src/scenario/fixtures/real-broker.definitions.json)');
      } else if (withDefinitions) {
        // These reset the node between cases, so they run last, on a node of our own only.
        if (!node.owned) console.log('definitions: skipped (they reset the broker, and --reuse gave one not started here)');
        else {
          for (const n of NORMALISED) console.log(`definitions: normalised: ${n}`);
          defOutcomes.push(...await runDefinitionsRoundTrips(node, (n) => matches(n, opts.names), (o) => {
            console.log(`${pad(o.ok ? 'ok' : 'NOT OK', 7)} ${pad(o.name, 52)} ${o.status}`);
            if (!opts.quiet) for (const d of o.details) console.log(indent(d));
          }));
        }
      }
      if (withCodegen) {
        if (!node.owned) console.log('codegen: skipped (it resets the node, and --reuse gave a node this run does not own)');
        else {
          console.log(`codegen: the generated ${opts.languages.join(', ')} programs of every preset, ${opts.messages} messages per producer`);
          const log = (l: string) => { if (!opts.quiet || !l.startsWith('    ')) console.log(l); };
          const done = await runCodegenPart(node, { languages: opts.languages, messages: opts.messages, presets: opts.presets, log });
          for (const d of done) outcomes.push({ s: { name: d.label } as LoadedScenario, status: d.status, ok: d.ok, details: d.details });
        }
      }
    }
    if (clustered.length) {
      console.log('cluster: starting r1, r2, r3 @localhost ...');
      cluster = await startCluster((s) => console.log(`cluster: ${s}`));
      const target = { nodes: cluster.nodes };
      await runAll(clustered, 1, (s) => judge(s, opts, target, engine.run), outcomes, opts);
    }
  } finally {
    await cleanup();
  }

  const bad = [...outcomes.filter((o) => !o.ok).map((o) => o.s.name), ...defOutcomes.filter((o) => !o.ok).map((o) => o.name)];
  const total = outcomes.length + defOutcomes.length;
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`\n${total} scenario(s) in ${secs} s: ${total - bad.length} ok, ${bad.length} not`);
  if (bad.length) console.log(`not ok: ${bad.join(', ')}`);
  process.exitCode = bad.length ? 1 : 0;
}

async function runAll(list: LoadedScenario[], jobs: number, fn: (s: LoadedScenario) => Promise<Outcome>, outcomes: Outcome[], opts: Options): Promise<void> {
  const queue = [...list];
  const worker = async () => {
    while (queue.length) {
      const s = queue.shift()!;
      const o = await fn(s);
      outcomes.push(o);
      const label = `${s.suite}/${s.kind === 'plain' ? '' : `${s.kind}/`}${s.name}`;
      console.log(`${pad(o.ok ? 'ok' : 'NOT OK', 7)} ${pad(label, 52)} ${o.status}`);
      if (!opts.quiet) for (const d of o.details) console.log(indent(d));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
}

/** Runs one case on the real broker (repeat times) and on the engine; says how they compare. */
async function judge(s: LoadedScenario, opts: Options, target: { nodes: RabbitNode[] }, engineRun: ((s: LoadedScenario, k: Kind) => Promise<RunResult>) | null): Promise<Outcome> {
  const runs: RunResult[] = [];
  for (let i = 0; i < opts.repeat; i++) runs.push(await runOnReal(s, s.kind, target));
  const real = runs[0];
  const details: string[] = [];
  const parts: string[] = [];
  let ok = true;
  const unstable = runs.findIndex((r) => !same(r.observations, real.observations));
  if (unstable > 0) {
    ok = false;
    parts.push(`real broker UNSTABLE (run 1 vs run ${unstable + 1} differ)`);
    details.push(diffObservations(real.observations, runs[unstable].observations, ['real run 1', `real run ${unstable + 1}`]));
  } else if (opts.repeat > 1) parts.push(`stable x${opts.repeat}`);
  if (real.error) parts.push(`real: scenarioError "${real.error}"`);

  const expected = readExpected(s);
  if (opts.record) {
    if (unstable > 0) parts.push('NOT recorded');
    else {
      const changed = !expected || !same(expected, real.observations);
      writeExpected(s, real.observations);
      parts.push(expected ? (changed ? 'recorded (changed)' : 'recorded (unchanged)') : 'recorded (new)');
      if (expected && changed) details.push(diffObservations(expected, real.observations, ['old expected', 'real broker']));
    }
    return { s, ok, status: parts.join('; '), details };
  }

  if (!expected) { ok = false; parts.push('real: no expected file (record with --record)'); } else if (same(expected, real.observations)) parts.push('real = expected');
  else {
    ok = false;
    parts.push('real ≠ expected');
    details.push(diffObservations(expected, real.observations, [`expected (${s.expectedFile.replace(/^.*conformance\//, 'conformance/')})`, 'real broker now']));
  }

  if (engineRun) {
    const eng = await engineRun(s, s.kind);
    if (same(real.observations, eng.observations)) parts.push('engine = real: AGREE');
    else {
      ok = false;
      parts.push('engine ≠ real: DISAGREE');
      details.push(diffObservations(real.observations, eng.observations, ['real broker', 'engine']));
    }
  } else parts.push('engine n/a');
  return { s, ok, status: parts.join('; '), details };
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
