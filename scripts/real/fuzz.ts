/* eslint-disable @typescript-eslint/no-explicit-any -- scripts are plain JSON handed to an .mjs interpreter */
// npm run conformance:fuzz -- [--runs N] [--seed S] [--ops N] [--reuse] [--real-only] [--no-shrink] [--save] [--verbose]
//
// Differential fuzzing of the engine against a real RabbitMQ. A seeded fast-check generator (fuzz-gen.ts)
// makes valid scenario scripts (a topology of exchanges, queues with arguments and bindings, then a sequence
// of channel operations: publish, confirm-publish, get, ack/nack/reject (multiple, requeue), consume with
// prefetch and priority, cancel, channel close, recover, purge, delete, check, unbind);
// conformance/warren/fuzz/interpret.mjs runs a script through the scenario contract, so the same script runs
// on the real broker (amqplib) and on the engine.
//
// A run goes through all N scripts: a divergence is confirmed (the real broker runs the script 3 times and
// must repeat itself, else the script is counted as "real broker nondeterministic") and noted, and the run
// goes on. At the end each divergence is shrunk to a minimal script (fast-check replays it by its index in
// the seeded stream), distinct minimal scripts are printed with their diffs, and the summary says how many
// scripts ran, how many diverged and how many distinct minimal divergences they reduce to.
//
//   --runs N        scripts to try (default 100)
//   --seed S        fast-check seed (default: time based, printed so a run can be repeated)
//   --ops N         maximum operations per script (default 20)
//   --real-only     no engine: run each script twice on the broker and report scripts whose runs differ
//                   (checks that the generator only makes scripts the real broker runs deterministically)
//   --no-shrink     report divergences as found
//   --shrink-max N  shrink at most N divergences (default 5; the others are listed by index)
//   --shrink-secs S time limit for shrinking one divergence (default 300)
//   --save          append each distinct minimal divergent script to conformance/warren/fuzz_regressions.mjs
//                   (then record it: npm run conformance:real -- --record fuzz-...)
//   --reuse         use the running node of scripts/rabbitmq/broker.sh instead of starting a private one
//   --verbose       print every script's outcome
//   --all           also generate scripts that hit known shapes (KNOWN in fuzz-gen.ts); skipped by default
//   --add-regression JSON --name N --desc D   append a script to fuzz_regressions.mjs by hand
//   --script JSON   run one script 3 times on the real broker (stable?) and diff it with the engine
//   --show I,J      print the scripts at these indexes of the seed's stream (as the run reports them)
import fc from 'fast-check';
import { arbScript, KNOWN, clean } from './fuzz-gen.ts';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { INSTALL_HINT, rabbitInstalled, startNode, stopNode, stopOwnedEpmd, attachScriptNode, type RabbitNode } from './broker.ts';
import { runOnReal, type Scenario, type RunResult } from './run-real.ts';
import { loadEngine } from './engine.ts';
import { same, diffObservations } from './compare.ts';
import { ROOT } from './suites.ts';

export { arbScript, KNOWN, clean };

// ---------------------------------------------------------------------------------------------------------
// running

interface Interp { scriptScenario: (script: unknown, o: { name?: string; desc?: string; prefix?: string }) => Scenario }

const normalise = (obs: unknown[]) => JSON.parse(JSON.stringify(obs).replace(/fz\d+\./g, 'fz.')) as unknown[];

type Verdict = 'same' | 'flaky' | 'diverges';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    const src = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n');
    console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  const val = (f: string, d: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : d; };
  const runs = Number(val('--runs', '100'));
  const seed = Number(val('--seed', String(Date.now() % 2 ** 31)));
  const maxOps = Number(val('--ops', '20'));
  const realOnly = argv.includes('--real-only');
  const shrink = !argv.includes('--no-shrink');
  const shrinkMax = Number(val('--shrink-max', '5'));
  const shrinkSecs = Number(val('--shrink-secs', '300'));
  const save = argv.includes('--save');
  const verbose = argv.includes('--verbose');
  const addIdx = argv.indexOf('--add-regression');
  if (addIdx >= 0) { // --add-regression '<script json>' --name NAME --desc TEXT
    const name = saveRegression(JSON.parse(argv[addIdx + 1]), seed, val('--desc', ''), val('--name', ''));
    console.log(`saved ${name}; record it with: npm run conformance:real -- --record ${name}`);
    return;
  }
  if (argv.includes('--show')) { // --show I,J --seed S: the scripts at these indexes of the seeded stream
    for (const i of val('--show', '').split(',').map(Number)) {
      fc.check(fc.property(arbScript(maxOps), (script) => { console.log(`${i} ${JSON.stringify(clean(script))}`); return true; }), { seed, path: String(i), numRuns: 1 });
    }
    return;
  }
  if (!rabbitInstalled()) { console.error(INSTALL_HINT); process.exitCode = 2; return; }

  const interp = (await import(pathToFileURL(path.join(ROOT, 'conformance', 'warren', 'fuzz', 'interpret.mjs')).href)) as Interp;
  const engine = realOnly ? { run: null, how: 'not used (--real-only)' } : await loadEngine();
  console.log(`fuzz: seed ${seed}, ${runs} scripts of at most ${maxOps} operations; engine: ${engine.how}`);
  if (!realOnly && !engine.run) {
    console.log('fuzz: the engine is not available; checking real-broker determinism only (as --real-only)');
  }
  const compareWithEngine = !!engine.run;

  let node: RabbitNode | null = argv.includes('--reuse') ? await attachScriptNode() : null;
  if (!node) node = await startNode({ log: (s) => console.log(`broker: ${s}`) });
  else console.log(`broker: reusing ${node.nodename} on port ${node.port}`);
  const target = { nodes: [node] };
  const cleanup = async () => { if (node?.owned) await stopNode(node); stopOwnedEpmd(); };
  process.on('SIGINT', () => { void cleanup().finally(() => process.exit(130)); });

  let n = 0;
  const scenarioOf = (script: unknown) => interp.scriptScenario(clean(script), { prefix: `fz${++n}.` });
  const real = async (script: unknown): Promise<RunResult> => {
    const r = await runOnReal(scenarioOf(script), 'plain', target);
    return { ...r, observations: normalise(r.observations) };
  };
  const eng = async (script: unknown): Promise<RunResult> => {
    const r = await engine.run!(scenarioOf(script), 'plain');
    return { ...r, observations: normalise(r.observations) };
  };
  /** same, or a divergence confirmed by three identical runs on the real broker, or the broker not repeating itself. */
  const verdict = async (script: unknown): Promise<Verdict> => {
    const a = await real(script);
    const b = compareWithEngine ? await eng(script) : await real(script);
    if (same(a.observations, b.observations)) return 'same';
    if (!compareWithEngine) return 'flaky';
    for (let i = 0; i < 2; i++) if (!same(a.observations, (await real(script)).observations)) return 'flaky';
    return 'diverges';
  };
  const skipKnown = !argv.includes('--all');
  const known = (script: unknown) => skipKnown && KNOWN.some((k) => k.test(script));

  if (argv.includes('--script')) { // --script JSON: one script, 3 runs on the real broker, diffed with the engine
    const script = JSON.parse(val('--script', '{}'));
    const runsReal = [await real(script), await real(script), await real(script)];
    const stable = runsReal.every((r) => same(r.observations, runsReal[0].observations));
    console.log(`real broker: ${stable ? 'the same in 3 runs' : 'NOT the same in 3 runs'}`);
    if (verbose) for (const o of runsReal[0].observations) console.log(`  ${JSON.stringify(o)}`);
    if (!stable) console.log(diffObservations(runsReal[0].observations, runsReal.find((r) => !same(r.observations, runsReal[0].observations))!.observations, ['real 1', 'real 2/3'], 200));
    if (compareWithEngine) {
      const b = await eng(script);
      const ok = same(runsReal[0].observations, b.observations);
      console.log(ok ? 'engine: same as the real broker' : diffObservations(runsReal[0].observations, b.observations, ['real broker', 'engine'], 200));
      if (!ok) process.exitCode = 1;
    }
    await cleanup();
    return;
  }

  // 1. explore: every script of the seeded stream, noting divergences and going on
  const t0 = Date.now();
  let index = -1;
  let evaluated = 0;
  let skipped = 0;
  const flaky: unknown[] = [];
  const found: { index: number; script: any }[] = [];
  const explore = fc.asyncProperty(arbScript(maxOps), async (script) => {
    index++;
    if (known(script)) { skipped++; fc.pre(false); }
    evaluated++;
    const v = await verdict(script);
    if (v === 'flaky') flaky.push(clean(script));
    if (v === 'diverges') found.push({ index, script: clean(script) });
    if (verbose || v === 'diverges') console.log(`  #${evaluated} (index ${index}) ${v === 'same' ? 'ok' : v === 'flaky' ? 'real broker nondeterministic; not compared' : 'DIVERGES'} (${script.ops.length} ops)`);
    else if (evaluated % 25 === 0) console.log(`  ${evaluated} scripts, ${found.length} divergent, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return true;
  });
  try {
    await fc.check(explore, { numRuns: runs, seed, verbose: 0, maxSkipsPerRun: 1000 });
  } catch (e) {
    await cleanup();
    throw e;
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(0);

  // 2. shrink each divergence (replayed by its index in the seeded stream) and keep the distinct minimal scripts
  const minimal: { script: any; from: number[] }[] = [];
  const shrinkProp = fc.asyncProperty(arbScript(maxOps), async (script) => {
    fc.pre(!known(script));
    return (await verdict(script)) !== 'diverges';
  });
  for (const [i, f] of found.entries()) {
    let script = f.script;
    if (shrink && i < shrinkMax) {
      const r = await fc.check(shrinkProp, { seed, path: String(f.index), numRuns: 1, verbose: 0, interruptAfterTimeLimit: shrinkSecs * 1000 });
      if (r.failed && r.counterexample) script = clean(r.counterexample[0]);
      console.log(`fuzz: divergence at index ${f.index} shrunk ${r.numShrinks} time(s)${r.interrupted ? ' (time limit)' : ''}`);
    } else if (shrink) console.log(`fuzz: divergence at index ${f.index} not shrunk (--shrink-max ${shrinkMax})`);
    const same_ = minimal.find((m) => JSON.stringify(m.script) === JSON.stringify(script));
    if (same_) same_.from.push(f.index);
    else minimal.push({ script, from: [f.index] });
  }

  for (const m of minimal) {
    console.log(`\nminimal divergent script (from index ${m.from.join(', ')}):`);
    console.log(JSON.stringify(m.script));
    const a = await real(m.script);
    const b = compareWithEngine ? await eng(m.script) : await real(m.script);
    console.log(diffObservations(a.observations, b.observations, ['real broker', compareWithEngine ? 'engine' : 'real broker, 2nd run'], 200));
    if (save && compareWithEngine) {
      const name = saveRegression(m.script, seed);
      console.log(`fuzz: saved as scenario ${name} in conformance/warren/fuzz_regressions.mjs; record it with\n  npm run conformance:real -- --record ${name}`);
    }
  }
  if (flaky.length && verbose) for (const s of flaky) console.log(`nondeterministic on the real broker: ${JSON.stringify(s)}`);
  console.log(`\nfuzz: seed ${seed}: ${evaluated} scripts run (${skipped} skipped as known shapes, ${flaky.length} real-broker nondeterministic), `
    + `${found.length} divergent, ${minimal.length} distinct after shrinking (${secs} s exploring)`);
  await cleanup();
  if (found.length) process.exitCode = 1;
}

/** Appends a script to conformance/warren/fuzz_regressions.mjs as a scenario; returns its name. */
export function saveRegression(script: unknown, seed: number, desc?: string, wanted?: string): string {
  const file = path.join(ROOT, 'conformance', 'warren', 'fuzz_regressions.mjs');
  const head = [
    '// Minimal scripts found by `npm run conformance:fuzz` where the engine and RabbitMQ disagreed, kept as',
    '// conformance cases (expected files recorded on the real broker). See fuzz/interpret.mjs for the format.',
    "import { scriptScenario } from './fuzz/interpret.mjs';",
    '',
    'const found = [',
  ];
  const tail = ['];', '', 'export const scenarios = found.map(([name, desc, script]) => scriptScenario(script, { name, desc, prefix: `${name}.` }));', ''];
  let entries: string[] = [];
  if (fs.existsSync(file)) {
    const src = fs.readFileSync(file, 'utf8');
    const m = /const found = \[\n([\s\S]*?)\n\];/.exec(src);
    if (m) entries = m[1].split('\n').filter((l) => l.trim());
  }
  const same = entries.find((l) => l.endsWith(`,${JSON.stringify(script)}],`));
  if (same) return (JSON.parse(same.trim().replace(/,$/, '')) as string[])[0]; // saved already
  const name = wanted || `fuzz-${seed}-${entries.length + 1}`;
  if (entries.some((l) => l.includes(JSON.stringify(name)))) throw new Error(`a regression named ${name} exists already`);
  entries.push(`  ${JSON.stringify([name, desc || `fuzz divergence (seed ${seed})`, script])},`);
  fs.writeFileSync(file, [...head, ...entries, ...tail].join('\n'));
  return name;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
