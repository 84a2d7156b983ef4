import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node as SyntaxNode } from 'web-tree-sitter';
import { Prng } from '../../engine';
import { PRESETS, presetById } from '../presets';
import type { ScenarioDocument } from '../schema';
import { agentSeed } from '../agentSeed';
import { CLIENT_LANGUAGES, type ClientLanguageId } from './index';
import { planOf } from './plan';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warren-languages-'));
const render = (id: ClientLanguageId, doc: ScenarioDocument) => CLIENT_LANGUAGES.find((l) => l.id === id)!.render(planOf(doc));

/** The docs every syntax check covers: every preset, and one whose names try to break out of strings. */
const EVIL = '"); System.exit(1); //`${1}\n*/ \\u000a \'\'\' {n}';
function hostile(): ScenarioDocument {
  const doc = presetById('ttl-dlx')!.doc;
  const named = <T extends { config: { name: string } }>(n: T) => ({ ...n, config: { ...n.config, name: EVIL + n.config.name } });
  return { ...doc, title: EVIL, nodes: doc.nodes.map((n) => (n.kind === 'note' ? n : named(n))) } as ScenarioDocument;
}
const DOCS: [string, ScenarioDocument][] = [...PRESETS.map((p): [string, ScenarioDocument] => [p.id, p.doc]), ['hostile', hostile()]];

/** Between them: failures, RPC, confirms, key lists, headers, vhosts and users, alternate exchanges, TTLs, priorities. */
const JAVA_DOCS = DOCS.filter(([id]) => ['ttl-dlx', 'rpc', 'publisher-confirms', 'topics', 'headers', 'vhosts', 'alternate-exchange', 'delay-queue', 'priority', 'hostile'].includes(id));

function has(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a checker; what it printed on stderr (its errors) and its exit status. */
function check(cmd: string, args: string[]): { errors: string; status: number | null } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { errors: (r.stderr ?? '') + (r.error ? String(r.error) : ''), status: r.status };
}

const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => has(p, ['--version']));
const JAVAC = has('javac', ['-version']);
const GOFMT = has('gofmt', ['-h']) || existsSync('/usr/bin/gofmt');

/** Writes one file per doc under `lang/<i>/<name>`; returns the paths. */
function writeAll(lang: ClientLanguageId, name: (i: number) => string, code: (src: string, i: number) => string = (s) => s, docs = DOCS): string[] {
  return docs.map(([, doc], i) => {
    const d = join(dir, lang, String(i));
    mkdirSync(d, { recursive: true });
    const file = join(d, name(i));
    writeFileSync(file, code(render(lang, doc), i));
    return file;
  });
}

describe('generated client code: syntax of every preset (and hostile names)', () => {
  it.skipIf(!PYTHON)(`Python (pika) compiles${PYTHON ? '' : ' — SKIPPED: no python3 here'}`, () => {
    const files = writeAll('pika', () => 'warren_scenario.py');
    const compile = 'import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, doraise=True)';
    expect(check(PYTHON!, ['-c', compile, ...files])).toEqual({ errors: '', status: 0 });
  });

  it.skipIf(!GOFMT)(`Go (amqp091-go) parses${GOFMT ? '' : ' — SKIPPED: gofmt (Go) is not installed'}`, () => {
    const files = writeAll('go', () => 'main.go');
    // gofmt -e reports every syntax error; the real-broker run (conformance:real) builds them with go.
    expect(check('gofmt', ['-e', '-l', ...files])).toEqual({ errors: '', status: 0 });
  });

  it.skipIf(!JAVAC)(`Java (amqp-client) compiles against stubs of the client${JAVAC ? '' : ' — SKIPPED: javac is not installed'}`, () => {
    // One class per file, renamed so that they compile in one javac run; the presets that between them use
    // every feature (javac is slow on this machine), and the hostile names.
    const files = writeAll('java', (i) => `WarrenScenario${i}.java`, (src, i) => src.replace('public class WarrenScenario {', `public class WarrenScenario${i} {`), JAVA_DOCS);
    const out = join(dir, 'java-classes');
    expect(check('javac', ['-d', out, '-sourcepath', join(here, 'testing', 'amqp-client-stubs'), ...files])).toEqual({ errors: '', status: 0 });
  }, 120_000);

  it.skipIf(!JAVAC)(`Spring AMQP parses as Java${JAVAC ? '' : ' — SKIPPED: javac is not installed'}`, () => {
    // Spring's jars are not on this machine: javac's parser checks the syntax (testing/JavaSyntaxCheck.java).
    const files = writeAll('spring', () => 'WarrenScenario.java');
    const r = spawnSync('java', [join(here, 'testing', 'JavaSyntaxCheck.java'), ...files], { encoding: 'utf8' });
    expect({ errors: r.stdout, status: r.status }).toEqual({ errors: '', status: 0 });
  }, 120_000);

  it('.NET (RabbitMQ.Client) parses as C# (tree-sitter-c-sharp)', async () => {
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(wasm)));
    const errors: string[] = [];
    const walk = (n: SyntaxNode, id: string) => {
      if (n.isError || n.isMissing) errors.push(`${id}:${n.startPosition.row + 1}: ${n.isMissing ? 'missing' : 'unexpected'} ${n.type}`);
      for (const c of n.children) if (c && c.hasError) walk(c, id);
    };
    for (const [id, doc] of DOCS) {
      const tree = parser.parse(render('dotnet', doc))!;
      walk(tree.rootNode, id);
    }
    expect(errors).toEqual([]);
  });
});

describe('generated client code: the golden files', () => {
  for (const id of ['ttl-dlx', 'rpc', 'vhosts'] as const) {
    for (const lang of CLIENT_LANGUAGES) {
      it(`${id} in ${lang.label}`, async () => {
        await expect(lang.render(planOf(presetById(id)!.doc))).toMatchFileSnapshot(join('__golden__', id, lang.id, lang.fileName));
      });
    }
  }
});

describe("each agent's random stream", () => {
  const seed = agentSeed(42, 'worker');
  const expected = (() => {
    const p = new Prng(seed);
    return Array.from({ length: 5 }, () => p.next());
  })();

  it('is what the simulation draws: amqplib', () => {
    const code = render('amqplib', presetById('ttl-dlx')!.doc);
    const source = code.slice(code.indexOf('function prng(seed)'), code.indexOf('/** Dead-letterings'));
    const prng = new Function(`${source}; return prng;`)() as (s: number) => () => number;
    const random = prng(seed);
    expect(Array.from({ length: 5 }, () => random())).toEqual(expected);
  });

  it.skipIf(!PYTHON)(`is what the simulation draws: Python${PYTHON ? '' : ' — SKIPPED: no python3 here'}`, () => {
    const code = render('pika', presetById('ttl-dlx')!.doc);
    const source = code.slice(code.indexOf('M32 = '), code.indexOf('def js_round'));
    const out = execFileSync(PYTHON!, ['-c', `${source}\nr = prng(${seed})\nprint([r() for _ in range(5)])`], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('the plan gives every agent the seed the simulation gives it', () => {
    const doc = presetById('ttl-dlx')!.doc;
    const plan = planOf(doc);
    expect(plan.consumers.map((c) => c.seed)).toEqual([agentSeed(doc.seed, 'worker')]);
    expect(plan.producers.map((p) => p.seed)).toEqual([agentSeed(doc.seed, 'jobs')]);
  });
});
