/**
 * Every Code panel example, run as the Run button runs it (a fresh run, each program started in
 * order) against the engine in Node, prints what it should.
 */
import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../../scenario/factory';
import { Simulation } from '../../../worker/simulation';
import type { ProgramStatus } from '../../../worker/programs/types';
import { splitArgs } from '../args';
import { EXAMPLES } from '.';

async function runExample(id: string, ms = 30_000) {
  const ex = EXAMPLES.find((e) => e.id === id)!;
  const sim = await Simulation.create(emptyScenario());
  for (const p of ex.programs) {
    sim.programs.beginTurn();
    sim.programs.run({ id: p.id, name: p.name, source: p.source, args: splitArgs(p.args) });
    await sim.advance(0);
  }
  const lines: Record<string, string[]> = {};
  const status: Record<string, ProgramStatus> = {};
  for (let t = 0; t < ms; t += 1000) {
    sim.programs.beginTurn();
    await sim.advance(1000);
    const r = sim.frame().programs;
    for (const l of r?.output ?? []) (lines[l.program] ??= []).push(l.text);
    Object.assign(status, r?.status);
  }
  return { lines, status };
}

describe('Code examples', () => {
  it('has a program list for every example, with unique ids', () => {
    for (const ex of EXAMPLES) expect(new Set(ex.programs.map((p) => p.id)).size).toBe(ex.programs.length);
  });

  it('hello-world: the receiver prints the message the sender sent', async () => {
    const { lines, status } = await runExample('hello-world');
    expect(lines.send).toEqual([" [x] Sent 'Hello World!'"]);
    expect(lines.receive).toEqual([' [*] Waiting for messages in hello. To exit press CTRL+C', ' [x] Received Hello World!']);
    expect(status.send).toEqual({ state: 'exited', code: 0 });
  });

  it('work-queues: with prefetch 1 the long task does not hold up the short ones', async () => {
    const { lines } = await runExample('work-queues');
    const received = (id: string) => lines[id].filter((l) => l.includes('Received')).map((l) => l.replace(' [x] Received ', ''));
    expect(received('worker1')).toEqual(['First.....']);
    expect(received('worker2')).toEqual(['Second.', 'Third.', 'Fourth.', 'Fifth.']);
    expect(lines.worker1.filter((l) => l.includes('Done'))).toHaveLength(1);
  });

  it('publish-subscribe: every subscriber gets its own copy', async () => {
    const { lines } = await runExample('publish-subscribe');
    expect(lines.receive_logs1).toContain(' [x] info: Hello World!');
    expect(lines.receive_logs2).toContain(' [x] info: Hello World!');
  });

  it('routing: a direct exchange delivers each log to the queues bound with its severity', async () => {
    const { lines } = await runExample('routing');
    expect(lines.receive_errors).toEqual([' [*] Waiting for error logs', " [x] error: 'Disk full: writes refused'"]);
    expect(lines.receive_all.slice(1)).toEqual([" [x] info: 'Disk 40% full'", " [x] warning: 'Disk 85% full'", " [x] error: 'Disk full: writes refused'"]);
  });

  it('topics: each subscriber gets the keys its patterns match', async () => {
    const { lines } = await runExample('topics');
    expect(lines.receive_kern.slice(1)).toEqual([" [x] kern.critical: 'A critical kernel error'", " [x] kern.info: 'Kernel started'"]);
    expect(lines.receive_critical.slice(1)).toEqual([" [x] kern.critical: 'A critical kernel error'", " [x] cron.critical: 'Cron is down'"]);
  });

  it('rpc: the client gets fib(10) back over Direct Reply-to', async () => {
    const { lines, status } = await runExample('rpc');
    expect(lines.rpc_server).toEqual([' [x] Awaiting RPC requests', ' [.] fib(10)']);
    expect(lines.rpc_client).toEqual([' [x] Requesting fib(10)', ' [.] Got 55']);
    expect(status.rpc_client).toEqual({ state: 'exited', code: 0 });
  });

  it('publisher-confirms: a full queue with reject-publish nacks what it refuses', async () => {
    const { lines, status } = await runExample('publisher-confirms');
    expect(lines.publisher).toEqual([' [ack] order 1', ' [ack] order 2', ' [ack] order 3', ' [nack] order 4', ' [nack] order 5', ' [x] 3 confirmed, 2 refused']);
    expect(status.publisher.state).toBe('finished');
  });
});
