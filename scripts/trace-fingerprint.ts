// npx tsx scripts/trace-fingerprint.ts [--check]
//
// A fingerprint of everything the engine lets anyone observe, to prove a refactor changes nothing:
// one line per preset (the worker's Simulation run for 30 virtual s in 1 s steps: every trace event as
// emitted, every frame, the final snapshot and stats) and one per conformance case run against the
// engine (every trace event, the observations, the final snapshot and stats), each a SHA-256.
// `--check` compares with scripts/trace-fingerprint.baseline.txt and exits 1 on any difference.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Broker } from '../src/engine/index';
import { PRESETS } from '../src/scenario/presets';
import { Simulation } from '../src/worker/simulation';
import { DEFAULT_DIRS, kindOf, loadScenarios, runScenarioOnEngine } from './conformance';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE = path.join(ROOT, 'scripts', 'trace-fingerprint.baseline.txt');
const PRESET_MS = 30_000;

function watch(broker: Broker, h: crypto.Hash): void {
  broker.trace.subscribe((e) => h.update(JSON.stringify(e) + '\n'));
}

function finish(broker: Broker, h: crypto.Hash): string {
  h.update(JSON.stringify(broker.snapshot()) + '\n');
  h.update(JSON.stringify(broker.stats()) + '\n');
  return h.digest('hex').slice(0, 32);
}

async function presetLines(): Promise<string[]> {
  const out: string[] = [];
  for (const p of PRESETS) {
    const h = crypto.createHash('sha256');
    const sim = await Simulation.create(p.doc);
    watch(sim.broker, h);
    h.update(JSON.stringify(sim.frame()) + '\n');
    for (let t = 0; t < PRESET_MS; t += 1000) {
      await sim.advance(1000);
      h.update(JSON.stringify(sim.frame()) + '\n');
    }
    out.push(`preset ${p.id} ${finish(sim.broker, h)}`);
  }
  return out;
}

async function conformanceLines(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of DEFAULT_DIRS) {
    const kind = kindOf(dir);
    for (const s of await loadScenarios(dir)) {
      const h = crypto.createHash('sha256');
      let broker: Broker | null = null;
      const { observations } = await runScenarioOnEngine(s, {
        kind,
        onBroker: (b) => {
          broker = b;
          watch(b, h);
        },
      });
      h.update(JSON.stringify(observations) + '\n');
      out.push(`case ${path.relative('conformance', dir)}/${s.name} ${finish(broker!, h)}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const lines = [...(await presetLines()), ...(await conformanceLines())];
  const text = lines.join('\n') + '\n';
  if (!process.argv.includes('--check')) {
    process.stdout.write(text);
    return;
  }
  const base = fs.readFileSync(BASELINE, 'utf8');
  if (base === text) {
    console.log(`identical (${lines.length} fingerprints)`);
    return;
  }
  const want = base.split('\n');
  for (const l of lines) if (!want.includes(l)) console.log(`changed: ${l}`);
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
