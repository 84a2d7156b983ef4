// Runs one generated client program against a real node and returns what it printed. The programs come from
// src/scenario/codegen/ and are run as a user would run them: amqplib with node, pika with Debian's
// /usr/bin/python3 (python3-pika), amqp091-go with go 1.19 offline (Debian's golang-github-rabbitmq-amqp091-go-dev),
// Java with javac/java 17 against Debian's amqp-client 5.0.0 (librabbitmq-client-java) and slf4j-api.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './suites.ts';
import type { RabbitNode } from './broker.ts';

export type RunnableLanguage = 'amqplib' | 'pika' | 'go' | 'java';
export const RUNNABLE: readonly RunnableLanguage[] = ['amqplib', 'pika', 'go', 'java'];

const PYTHON = process.env.WARREN_PYTHON || '/usr/bin/python3';
const AMQP091_GO = process.env.WARREN_AMQP091_GO || '/usr/share/gocode/src/github.com/rabbitmq/amqp091-go';
/** amqp-client needs slf4j-api at run time; slf4j-nop keeps its "no binding" warning out of the output. */
const JAVA_CLASSPATH = (process.env.WARREN_AMQP_CLIENT_JAR || '/usr/share/java/amqp-client.jar') + ':/usr/share/java/slf4j-api.jar:/usr/share/java/slf4j-nop.jar';

/** Why a language cannot run here, or null when it can. */
export function missing(lang: RunnableLanguage): string | null {
  if (lang === 'pika' && !fs.existsSync(PYTHON)) return `${PYTHON} not found (apt-get install python3-pika)`;
  if (lang === 'go' && !fs.existsSync(path.join(AMQP091_GO, 'go.mod'))) return `amqp091-go not found in ${AMQP091_GO} (apt-get install golang-github-rabbitmq-amqp091-go-dev)`;
  if (lang === 'java') {
    const absent = JAVA_CLASSPATH.split(':').find((jar) => !fs.existsSync(jar));
    if (absent) return `${absent} not found (apt-get install librabbitmq-client-java libslf4j-java)`;
  }
  return null;
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) => {
      resolve({ stdout: String(stdout), stderr: String(stderr), code: e ? (typeof e.code === 'number' ? e.code : -1) : 0 });
    });
  });
}

const workDir = (lang: string) => {
  // amqplib resolves from the repository's node_modules, so the program is written under it.
  const dir = lang === 'amqplib' ? path.join(ROOT, 'node_modules', '.warren-codegen') : path.join(os.tmpdir(), `warren-codegen-${lang}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** Writes and runs `code`; resolves its output (stdout), or rejects with its errors. */
export async function runProgram(lang: RunnableLanguage, code: string, node: RabbitNode, env: { durationMs: number; messages: number }): Promise<string> {
  const dir = workDir(lang);
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    AMQP_URL: `amqp://${node.host}:${node.port}`,
    WARREN_DURATION_MS: String(env.durationMs),
    WARREN_MESSAGES: String(env.messages),
  };
  const timeoutMs = env.durationMs + 60_000;
  let r;
  if (lang === 'amqplib') {
    fs.writeFileSync(path.join(dir, 'scenario.mjs'), code);
    r = await run(process.execPath, ['scenario.mjs'], { cwd: dir, env: base, timeoutMs });
  } else if (lang === 'pika') {
    fs.writeFileSync(path.join(dir, 'scenario.py'), code);
    r = await run(PYTHON, ['-u', 'scenario.py'], { cwd: dir, env: base, timeoutMs });
  } else if (lang === 'java') {
    fs.writeFileSync(path.join(dir, 'WarrenScenario.java'), code);
    const built = await run('javac', ['-cp', JAVA_CLASSPATH, '-d', '.', 'WarrenScenario.java'], { cwd: dir, env: base, timeoutMs: 300_000 });
    if (built.code !== 0) throw new Error(`javac failed:\n${built.stderr}`);
    r = await run('java', ['-cp', `${JAVA_CLASSPATH}:.`, 'WarrenScenario'], { cwd: dir, env: base, timeoutMs });
  } else {
    fs.writeFileSync(path.join(dir, 'main.go'), code);
    fs.writeFileSync(path.join(dir, 'go.mod'), goMod());
    const goEnv = { ...base, GOPROXY: 'off', GOFLAGS: '-mod=mod', GOCACHE: path.join(os.tmpdir(), 'warren-codegen-gocache'), GOPATH: path.join(os.tmpdir(), 'warren-codegen-gopath') };
    const built = await run('go', ['build', '-o', 'scenario', '.'], { cwd: dir, env: goEnv, timeoutMs: 300_000 });
    if (built.code !== 0) throw new Error(`go build failed:\n${built.stderr}`);
    r = await run(path.join(dir, 'scenario'), [], { cwd: dir, env: base, timeoutMs });
  }
  if (r.code !== 0) throw new Error(`the ${lang} program exited with ${r.code}:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
  return r.stdout;
}

/** The generated Go program's module: amqp091-go from Debian's source package, offline. */
export function goMod(): string {
  return [
    'module warrenscenario',
    '',
    'go 1.19',
    '',
    'require github.com/rabbitmq/amqp091-go v1.5.0',
    '',
    `replace github.com/rabbitmq/amqp091-go => ${AMQP091_GO}`,
    '',
  ].join('\n');
}
