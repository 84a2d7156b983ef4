// Plays a tutorial play (conformance/tutorials/plays.mjs) on a host: the real broker with node
// processes (scripts/real/tutorial-host.ts) or the engine with the programs run in this process
// (engine-host.ts). What a play yields is each program's console output, normalised.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fs from 'node:fs';

export const TUTORIALS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'conformance', 'tutorials');
export const PROGRAMS = path.join(TUTORIALS, 'programs');

export type Step =
  | { start: string; program: string; args: string[] }
  | { until: string; line: string; count?: number }
  | { exit: string }
  | { sleep: number };

export interface Play { name: string; steps: Step[] }

/** Where programs run. `sleep` lets (real or virtual) time pass. */
export interface Host {
  start(id: string, file: string, args: string[]): void;
  stdout(id: string): string[];
  stderr(id: string): string[];
  exited(id: string): boolean;
  sleep(ms: number): Promise<void>;
  stopAll(): Promise<void>;
}

export interface PlayResult { outputs: Record<string, string[]>; error?: string }

/** Server-named queues are random: they read `amq.gen-*`. */
export const normalise = (line: string) => line.replace(/amq\.gen-[A-Za-z0-9_-]+/g, 'amq.gen-*');

export async function loadPlays(): Promise<{ plays: Play[]; cleanup: { queues: string[]; exchanges: string[] } }> {
  return import(pathToFileURL(path.join(TUTORIALS, 'plays.mjs')).href);
}

/** Runs the steps; a wait longer than `limitMs` (of the host's time) ends the play with an error. */
export async function play(p: Play, host: Host, limitMs: number, pollMs: number): Promise<PlayResult> {
  const ids: string[] = [];
  let error: string | undefined;
  const waitFor = async (what: string, ok: () => boolean) => {
    for (let waited = 0; !ok(); waited += pollMs) {
      if (waited > limitMs) throw new Error(`timed out waiting for ${what}`);
      await host.sleep(pollMs);
    }
  };
  try {
    for (const s of p.steps) {
      if ('start' in s) {
        ids.push(s.start);
        host.start(s.start, path.join(PROGRAMS, s.program), s.args);
      } else if ('until' in s) {
        const n = s.count ?? 1;
        await waitFor(`${s.until} to print "${s.line}"`, () => host.stdout(s.until).filter((l) => l.includes(s.line)).length >= n);
      } else if ('exit' in s) {
        await waitFor(`${s.exit} to exit`, () => host.exited(s.exit));
      } else await host.sleep(s.sleep);
    }
  } catch (e) {
    error = (e as Error).message;
  }
  await host.stopAll();
  const outputs: Record<string, string[]> = {};
  for (const id of ids) {
    outputs[id] = host.stdout(id).map(normalise);
    const err = host.stderr(id);
    if (err.length) outputs[`${id}.stderr`] = err.map(normalise);
  }
  return error ? { outputs, error } : { outputs };
}

export const expectedFile = (name: string) => path.join(TUTORIALS, 'expected', `${name}.json`);

export function readExpected(name: string): PlayResult | null {
  const f = expectedFile(name);
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as PlayResult) : null;
}
