// Runs tutorial programs as node processes against a real RabbitMQ (AMQP_URL points them at it),
// for `npm run conformance:real -- --tutorials`.
import { spawn, type ChildProcess } from 'node:child_process';
import amqp from 'amqplib';
import type { Host } from '../tutorials/player.ts';

interface Proc { child: ChildProcess; stdout: string[]; stderr: string[]; exited: boolean; partial: { out: string; err: string } }

const lines = (buf: string): [string[], string] => {
  const parts = buf.split('\n');
  return [parts.slice(0, -1), parts[parts.length - 1]];
};

export class RealHost implements Host {
  private readonly procs = new Map<string, Proc>();
  constructor(private readonly url: string) {}

  start(id: string, file: string, args: string[]): void {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, AMQP_URL: this.url }, stdio: ['ignore', 'pipe', 'pipe'] });
    const p: Proc = { child, stdout: [], stderr: [], exited: false, partial: { out: '', err: '' } };
    child.stdout!.on('data', (d: Buffer) => { const [l, rest] = lines(p.partial.out + d.toString()); p.stdout.push(...l); p.partial.out = rest; });
    child.stderr!.on('data', (d: Buffer) => { const [l, rest] = lines(p.partial.err + d.toString()); p.stderr.push(...l); p.partial.err = rest; });
    child.on('exit', () => { p.exited = true; });
    this.procs.set(id, p);
  }

  stdout(id: string): string[] { return this.procs.get(id)?.stdout ?? []; }
  stderr(id: string): string[] { return this.procs.get(id)?.stderr ?? []; }
  exited(id: string): boolean { return this.procs.get(id)?.exited ?? false; }
  sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }

  /** Stops what still runs (as Ctrl+C would), by the process ids this host started. */
  async stopAll(): Promise<void> {
    const running = [...this.procs.values()].filter((p) => !p.exited);
    await Promise.all(running.map((p) => new Promise<void>((resolve) => {
      p.child.once('exit', () => resolve());
      p.child.kill('SIGTERM');
    })));
  }
}

/** Deletes what the plays declare (the work queue is durable, so it would outlive a run). */
export async function cleanBroker(url: string, what: { queues: string[]; exchanges: string[] }): Promise<void> {
  const c = await amqp.connect(url);
  c.on('error', () => {});
  for (const q of what.queues) { const ch = await c.createChannel(); ch.on('error', () => {}); await ch.deleteQueue(q).catch(() => {}); }
  for (const x of what.exchanges) { const ch = await c.createChannel(); ch.on('error', () => {}); await ch.deleteExchange(x).catch(() => {}); }
  await c.close();
}
