/* eslint-disable @typescript-eslint/no-explicit-any -- scripts are plain JSON handed to an .mjs interpreter */
// npm run conformance:fuzz -- [--runs N] [--seed S] [--ops N] [--reuse] [--real-only] [--no-shrink] [--save] [--verbose]
//
// Differential fuzzing of the engine against a real RabbitMQ. A seeded fast-check generator makes valid
// scenario scripts (a topology of exchanges, queues with arguments and bindings, then a sequence of channel
// operations: publish, confirm-publish, get, ack/nack/reject (multiple, requeue), consume with prefetch and
// priority, cancel, channel close, recover, purge, delete, check); conformance/warren/fuzz/interpret.mjs
// runs a script through the scenario contract, so the same script runs on the real broker (amqplib) and on
// the engine. The first divergence is shrunk to a minimal script and printed with the diff.
//
//   --runs N      scripts to try (default 100)
//   --seed S      fast-check seed (default: time based, printed so a run can be repeated)
//   --ops N       maximum operations per script (default 20)
//   --real-only   no engine: run each script twice on the broker and report scripts whose runs differ
//                 (checks that the generator only makes scripts the real broker runs deterministically)
//   --no-shrink   report the first divergence as found
//   --save        append the minimal divergent script to conformance/warren/fuzz_regressions.mjs (then
//                 record it: npm run conformance:real -- --record fuzz-...)
//   --reuse       use the running node of scripts/rabbitmq/broker.sh instead of starting a private one
//   --verbose     print every script's outcome
//   --all         also generate scripts that hit divergences already known (KNOWN below); skipped by default
//   --add-regression JSON --name N --desc D   append a script to fuzz_regressions.mjs by hand
//
// A divergence is confirmed before it counts: the real broker runs the script again and must repeat itself
// (else the script is reported as "real broker nondeterministic" and skipped).
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { INSTALL_HINT, rabbitInstalled, startNode, stopNode, stopOwnedEpmd, attachScriptNode, type RabbitNode } from './broker.ts';
import { runOnReal, type Scenario, type RunResult } from './run-real.ts';
import { loadEngine } from './engine.ts';
import { same, diffObservations } from './compare.ts';
import { ROOT } from './suites.ts';

// ---------------------------------------------------------------------------------------------------------
// the generator

const BIND_KEYS = ['a', 'b', 'a.b', 'b.a', 'a.b.c', '', '#', '*', 'a.*', '#.b', 'a.#'];
const PUB_KEYS = ['a', 'b', 'a.b', 'b.a', 'a.b.c', '', 'c'];

const opt = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { nil: undefined, freq });

const arbQueue = fc.oneof(
  { weight: 9, arbitrary: fc.record({
    maxLength: opt(fc.integer({ min: 0, max: 3 })),
    overflow: opt(fc.constantFrom('drop-head', 'reject-publish', 'reject-publish-dlx'), 2),
    maxPriority: opt(fc.constantFrom(3, 10), 3),
    messageTtl: opt(fc.constantFrom(0, 60000), 6),
    dlx: opt(fc.record({ ex: fc.integer({ min: -1, max: 2 }), rk: opt(fc.nat(3), 2) }), 2),
    sac: opt(fc.constant(true), 8),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({
    quorum: fc.constant(true),
    deliveryLimit: opt(fc.integer({ min: 0, max: 2 }), 1),
    maxLength: opt(fc.integer({ min: 0, max: 3 }), 3),
    dlx: opt(fc.record({ ex: fc.integer({ min: -1, max: 2 }), rk: opt(fc.nat(3), 2) }), 2),
  }, { requiredKeys: ['quorum'] }) },
);

const arbProps = fc.record({
  priority: opt(fc.integer({ min: 0, max: 5 }), 2),
  expiration: opt(fc.constantFrom('0', '60000'), 5),
  h: opt(fc.constantFrom(1, 2), 2),
  mandatory: opt(fc.constant(true), 3),
  cc: opt(fc.constantFrom('a', 'b', 'a.b'), 6),
}, { requiredKeys: [] });

const arbPublish = (op: 'publish' | 'confirmPublish') => fc.record({
  op: fc.constant(op),
  ex: fc.integer({ min: -1, max: 2 }),
  key: fc.constantFrom(...PUB_KEYS),
  q: opt(fc.nat(3), 1),
  props: arbProps,
}, { requiredKeys: ['op', 'ex', 'key', 'props'] });

const arbOp = fc.oneof(
  { weight: 10, arbitrary: arbPublish('publish') },
  { weight: 2, arbitrary: arbPublish('confirmPublish') },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('get'), q: fc.nat(3), noAck: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('ack'), h: fc.nat(4), i: fc.nat(5), multiple: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('nack'), h: fc.nat(4), i: fc.nat(5), multiple: fc.boolean(), requeue: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reject'), h: fc.nat(4), i: fc.nat(5), requeue: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('consume'), q: fc.nat(3), prefetch: fc.integer({ min: 0, max: 3 }), noAck: fc.boolean(), priority: opt(fc.integer({ min: 0, max: 5 }), 3) }, { requiredKeys: ['op', 'q', 'prefetch', 'noAck'] }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel'), c: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close'), c: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('recover'), h: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('purge'), q: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('check'), q: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteQueue'), q: fc.nat(3), ifEmpty: fc.boolean(), ifUnused: fc.boolean() }) },
);

export const arbScript = (maxOps = 20) => fc.record({
  exchanges: fc.array(fc.record({ type: fc.constantFrom('direct', 'fanout', 'topic', 'headers'), ae: opt(fc.nat(2), 4) }, { requiredKeys: ['type'] }), { maxLength: 3 }),
  queues: fc.array(arbQueue, { minLength: 1, maxLength: 3 }),
  bindings: fc.array(fc.record({
    src: fc.nat(2), toQueue: fc.boolean(), dest: fc.nat(3), key: fc.constantFrom(...BIND_KEYS),
    hdr: opt(fc.record({ match: fc.constantFrom('all', 'any'), h: fc.constantFrom(1, 2) }), 2),
  }, { requiredKeys: ['src', 'toQueue', 'dest', 'key'] }), { maxLength: 6 }),
  ops: fc.array(arbOp, { minLength: 1, maxLength: maxOps }),
});

/**
 * Divergences already found and reported (each saved in conformance/warren/fuzz_regressions.mjs): scripts that
 * would hit them again are skipped, so that a run goes on to find new ones. `--all` turns this off.
 */
export const KNOWN: { id: string; test: (s: any) => boolean }[] = [
  {
    // RabbitMQ 3.10: queue.delete with if-empty / if-unused on a quorum queue is a 540 NOT_IMPLEMENTED connection error
    id: 'quorum-delete-if-empty-or-unused',
    test: (s) => s.queues.some((q: any) => q.quorum) && s.ops.some((o: any) => o.op === 'deleteQueue' && (o.ifEmpty || o.ifUnused)),
  },
  {
    // RabbitMQ 3.10: in a priority queue a message with a per-message TTL that lands ahead of older messages
    // does not expire (conformance/warren w-priority-ttl-jumps-ahead); the engine expires it
    id: 'priority-ttl-jumps-ahead',
    test: (s) => s.queues.some((q: any) => q.maxPriority !== undefined)
      && s.ops.some((o: any) => (o.op === 'publish' || o.op === 'confirmPublish') && o.props.expiration !== undefined && o.props.priority),
  },
  {
    // a publish fanned out to a TTL-0 queue whose dead letters reach another queue of the same publish: RabbitMQ
    // enqueues the original copy first, the engine the dead-lettered one (fuzz-ttl0-deadletter-order)
    id: 'ttl0-deadletter-order',
    test: (s) => s.queues.some((q: any) => q.messageTtl === 0 && q.dlx),
  },
];

/** Drop keys whose value is undefined (fast-check's option() leaves them), so scripts print as clean JSON. */
function clean<T>(v: T): T { return JSON.parse(JSON.stringify(v)); }

// ---------------------------------------------------------------------------------------------------------
// running

interface Interp { scriptScenario: (script: unknown, o: { name?: string; desc?: string; prefix?: string }) => Scenario }

const normalise = (obs: unknown[]) => JSON.parse(JSON.stringify(obs).replace(/fz\d+\./g, 'fz.')) as unknown[];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const val = (f: string, d: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : d; };
  const runs = Number(val('--runs', '100'));
  const seed = Number(val('--seed', String(Date.now() % 2 ** 31)));
  const maxOps = Number(val('--ops', '20'));
  const realOnly = argv.includes('--real-only');
  const shrink = !argv.includes('--no-shrink');
  const save = argv.includes('--save');
  const verbose = argv.includes('--verbose');
  const addIdx = argv.indexOf('--add-regression');
  if (addIdx >= 0) { // --add-regression '<script json>' --name NAME --desc TEXT
    const name = saveRegression(JSON.parse(argv[addIdx + 1]), seed, val('--desc', ''), val('--name', ''));
    console.log(`saved ${name}; record it with: npm run conformance:real -- --record ${name}`);
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
  let evaluated = 0;
  const flaky: unknown[] = [];
  const scenarioOf = (script: unknown) => interp.scriptScenario(clean(script), { prefix: `fz${++n}.` });
  const real = async (script: unknown): Promise<RunResult> => {
    const r = await runOnReal(scenarioOf(script), 'plain', target);
    return { ...r, observations: normalise(r.observations) };
  };
  const eng = async (script: unknown): Promise<RunResult> => {
    const r = await engine.run!(scenarioOf(script), 'plain');
    return { ...r, observations: normalise(r.observations) };
  };

  const t0 = Date.now();
  const skipKnown = !argv.includes('--all');
  const prop = fc.asyncProperty(arbScript(maxOps), async (script) => {
    if (skipKnown) fc.pre(!KNOWN.some((k) => k.test(script)));
    evaluated++;
    const a = await real(script);
    const b = compareWithEngine ? await eng(script) : await real(script);
    if (same(a.observations, b.observations)) {
      if (verbose) console.log(`  #${evaluated} ok (${script.ops.length} ops)`);
      else if (evaluated % 25 === 0) console.log(`  ${evaluated} scripts, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      return true;
    }
    if (!compareWithEngine) { flaky.push(clean(script)); return false; }
    const again = await real(script);
    if (!same(a.observations, again.observations)) {
      flaky.push(clean(script));
      if (verbose) console.log(`  #${evaluated} real broker nondeterministic; skipped`);
      return true;
    }
    if (verbose) console.log(`  #${evaluated} DIVERGES (${script.ops.length} ops)`);
    return false;
  });

  let result: fc.RunDetails<[any]>;
  try {
    result = await fc.check(prop, { numRuns: runs, seed, endOnFailure: !shrink, verbose: 0 });
  } catch (e) {
    await cleanup();
    throw e;
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (!result.failed) {
    console.log(`\nfuzz: ${result.numRuns} scripts, no divergence (${evaluated} evaluations, ${secs} s, seed ${seed})`);
    if (flaky.length) console.log(`fuzz: ${flaky.length} script(s) skipped because the real broker did not repeat itself`);
    await cleanup();
    return;
  }
  const script = clean(result.counterexample![0]);
  console.log(`\nfuzz: divergence after ${result.numRuns} script(s), shrunk ${result.numShrinks} time(s) (${evaluated} evaluations, ${secs} s, seed ${seed})`);
  if (result.counterexamplePath) console.log(`fuzz: replay with --seed ${seed} (fast-check path ${result.counterexamplePath})`);
  console.log('minimal script:');
  console.log(JSON.stringify(script));
  const a = await real(script);
  const b = compareWithEngine ? await eng(script) : await real(script);
  console.log(diffObservations(a.observations, b.observations, ['real broker', compareWithEngine ? 'engine' : 'real broker, 2nd run'], 200));
  if (save && compareWithEngine) {
    const name = saveRegression(script, seed);
    console.log(`fuzz: saved as scenario ${name} in conformance/warren/fuzz_regressions.mjs; record it with\n  npm run conformance:real -- --record ${name}`);
  }
  await cleanup();
  process.exitCode = 1;
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
  const name = wanted || `fuzz-${seed}-${entries.length + 1}`;
  if (entries.some((l) => l.includes(JSON.stringify(name)))) throw new Error(`a regression named ${name} exists already`);
  entries.push(`  ${JSON.stringify([name, desc || `fuzz divergence (seed ${seed})`, script])},`);
  fs.writeFileSync(file, [...head, ...entries, ...tail].join('\n'));
  return name;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
