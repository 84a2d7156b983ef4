// Where the conformance scenarios live and how to load them.
//
//   conformance/rabbitmq-3.10/   the copy of the shared cases (read only: recorded once on RabbitMQ 3.10.8)
//     *.mjs, expected/           plain cases
//     ops/*.mjs, ops/expected/   broker-level cases (rabbitmqctl admin)
//     cluster/*.mjs, cluster/expected/   three-node cluster cases
//   conformance/warren/          the project's own cases, recorded here with `npm run conformance:real -- --record`
//     *.mjs, expected/
//     ops/*.mjs, ops/expected/   (if any)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Kind, Scenario } from './run-real.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LoadedScenario extends Scenario {
  suite: 'rabbitmq-3.10' | 'warren';
  kind: Kind;
  module: string; // file, relative to the repository
  expectedFile: string;
}

export function suiteDirs(): { suite: LoadedScenario['suite']; dir: string; note?: string }[] {
  const dirs: { suite: LoadedScenario['suite']; dir: string; note?: string }[] = [];
  const copied = path.join(ROOT, 'conformance', 'rabbitmq-3.10');
  if (fs.existsSync(copied)) dirs.push({ suite: 'rabbitmq-3.10', dir: copied });
  else if (fs.existsSync('/work/shared/conformance')) {
    dirs.push({ suite: 'rabbitmq-3.10', dir: '/work/shared/conformance', note: 'conformance/rabbitmq-3.10 is missing; using ../shared/conformance' });
  }
  dirs.push({ suite: 'warren', dir: path.join(ROOT, 'conformance', 'warren') });
  return dirs;
}

const modulesIn = (dir: string) => (fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs').sort().map((f) => path.join(dir, f))
  : []);

/** Every scenario of the requested kinds, in a stable order (suite, kind, module, declaration). */
export async function loadScenarios(kinds: Kind[] = ['plain', 'ops', 'cluster']): Promise<{ scenarios: LoadedScenario[]; notes: string[] }> {
  const scenarios: LoadedScenario[] = [];
  const notes: string[] = [];
  const seen = new Map<string, string>();
  for (const { suite, dir, note } of suiteDirs()) {
    if (note) notes.push(note);
    const sub: [Kind, string][] = [['plain', dir], ['ops', path.join(dir, 'ops')], ['cluster', path.join(dir, 'cluster')]];
    for (const [kind, d] of sub) {
      if (!kinds.includes(kind)) continue;
      for (const file of modulesIn(d)) {
        const mod = await import(pathToFileURL(file).href);
        if (!Array.isArray(mod.scenarios)) continue; // helper modules (lib.mjs, fuzz interpreter) export none
        for (const s of mod.scenarios as Scenario[]) {
          const key = `${suite}/${kind}/${s.name}`;
          if (seen.has(key)) throw new Error(`duplicate scenario ${s.name} in ${file} and ${seen.get(key)}`);
          seen.set(key, file);
          scenarios.push({ ...s, suite, kind, module: path.relative(ROOT, file), expectedFile: path.join(d, 'expected', `${s.name}.json`) });
        }
      }
    }
  }
  return { scenarios, notes };
}

export function readExpected(s: LoadedScenario): unknown[] | null {
  if (!fs.existsSync(s.expectedFile)) return null;
  return (JSON.parse(fs.readFileSync(s.expectedFile, 'utf8')) as { observations: unknown[] }).observations;
}

export function writeExpected(s: LoadedScenario, observations: unknown[]): void {
  if (s.suite !== 'warren') throw new Error(`refusing to rewrite ${s.expectedFile}: only the project's own cases are recorded here`);
  fs.mkdirSync(path.dirname(s.expectedFile), { recursive: true });
  fs.writeFileSync(s.expectedFile, `${JSON.stringify({ scenario: s.name, description: s.desc, observations }, null, 2)}\n`);
}
