import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../scenario/factory';
import { Simulation } from '../simulation';
import type { ConsoleLine, ProgramReport } from './types';

/** A simulation with programs, and everything they printed and became. */
async function harness() {
  const sim = await Simulation.create(emptyScenario());
  const out: ConsoleLine[] = [];
  const status: ProgramReport['status'] = {};
  let view: ProgramReport['view'];
  const collect = () => {
    const r = sim.frame().programs;
    if (!r) return;
    out.push(...r.output);
    Object.assign(status, r.status);
    if (r.view) view = r.view;
  };
  return {
    sim,
    run: async (id: string, source: string, args?: string[]) => {
      sim.programs.beginTurn();
      sim.programs.run({ id, name: `${id}.js`, source, args });
      await sim.advance(0);
      collect();
    },
    advance: async (ms: number) => {
      sim.programs.beginTurn();
      await sim.advance(ms);
      collect();
    },
    lines: (id: string) => out.filter((l) => l.program === id).map((l) => l.text),
    status,
    view: () => view,
  };
}

describe('ProgramRuntime', () => {
  it('runs a sender and a receiver on the broker, in virtual time', async () => {
    const h = await harness();
    await h.run('receive', `
      const amqp = require('amqplib');
      const conn = await amqp.connect('amqp://localhost');
      const ch = await conn.createChannel();
      await ch.assertQueue('hello', { durable: false });
      console.log(' [*] Waiting for messages in %s', 'hello');
      await ch.consume('hello', (msg) => console.log(' [x] Received %s', msg.content.toString()), { noAck: true });
    `);
    await h.run('send', `
      import amqp from 'amqplib';
      const conn = await amqp.connect('amqp://guest:guest@localhost:5672');
      const ch = await conn.createChannel();
      await ch.assertQueue('hello', { durable: false });
      ch.sendToQueue('hello', Buffer.from('Hello World!'));
      console.log(" [x] Sent 'Hello World!'", process.argv.slice(2));
      setTimeout(() => { conn.close(); process.exit(0); }, 500);
    `, ['a']);
    await h.advance(1000);
    expect(h.lines('receive')).toEqual([' [*] Waiting for messages in hello', ' [x] Received Hello World!']);
    expect(h.lines('send')).toEqual([" [x] Sent 'Hello World!' [ 'a' ]"]);
    expect(h.status.send).toEqual({ state: 'exited', code: 0 });
    expect(h.status.receive).toEqual({ state: 'running' });
    const view = h.view()!;
    expect(view.nodes.map((n) => `${n.kind}:${n.name}`).sort()).toEqual(['program:receive.js', 'program:send.js', 'queue:hello']);
    expect(view.edges.map((e) => `${e.kind}:${e.source}>${e.target}`).sort()).toEqual(['consume:code:q://hello>code:receive', 'publish:code:send>code:q://hello']);
  });

  it('reports a syntax error, an uncaught error and a rejection at the program line', async () => {
    const h = await harness();
    await h.run('a', 'const x = 1;\nlet = = 2;');
    await h.run('b', 'const x = 1;\n\nnull.boom();');
    await h.run('c', "const amqp = require('amqplib');\nconst conn = await amqp.connect();\nconst ch = await conn.createChannel();\nawait ch.checkQueue('nope');");
    await h.advance(10);
    expect(h.status.a.error).toMatchObject({ line: 2 });
    expect(h.status.b.error).toMatchObject({ line: 3, column: 6 });
    expect(h.status.b.error?.message).toMatch(/TypeError/);
    expect(h.lines('c')[0]).toMatch(/404 \(NOT-FOUND\)/);
    expect(h.status.c.state).toBe('failed');
  });

  it('stops an endless loop after the turn budget, naming its line, and the simulation carries on', async () => {
    let now = 0;
    const sim = await Simulation.create(emptyScenario(), () => (now += 1));
    sim.programs.beginTurn();
    sim.programs.run({ id: 'spin', name: 'spin.js', source: 'let n = 0;\nwhile (true) {\n  n++;\n}' });
    await sim.advance(0);
    const r = sim.frame().programs!;
    expect(r.status.spin).toMatchObject({ state: 'failed', error: { line: 2 } });
    expect(r.output[0].text).toMatch(/^spin\.js:2 Stopped: the loop at line 2/);
  });

  it('an error thrown in a consumer callback fails the program, not the simulation', async () => {
    const h = await harness();
    await h.run('bad', `
      const amqp = require('amqplib');
      const ch = await (await amqp.connect()).createChannel();
      await ch.assertQueue('q');
      await ch.consume('q', () => { throw new Error('oops'); });
      ch.sendToQueue('q', Buffer.from('x'));
    `);
    await h.advance(1000);
    expect(h.status.bad).toMatchObject({ state: 'failed', error: { message: 'Error: oops', line: 5 } });
    await h.advance(100); // still runs
  });

  it("a throwing consumer closes its channel as amqplib 2.3.1 does: 541 to the channel's 'error' listener, the program goes on", async () => {
    const h = await harness();
    await h.run('cc', `
      const amqp = require('amqplib');
      const conn = await amqp.connect();
      const ch = await conn.createChannel();
      ch.on('error', (e) => console.log('channel error', e.code, e.message));
      ch.on('close', () => console.log('channel closed'));
      await ch.assertQueue('q');
      await ch.consume('q', () => { throw new Error('oops'); });
      ch.sendToQueue('q', Buffer.from('x'));
      setTimeout(async () => {
        const other = await conn.createChannel();
        const m = await other.get('q');
        console.log('requeued', m.content.toString(), m.fields.redelivered);
      }, 2000);
    `);
    await h.advance(3000);
    expect(h.lines('cc')).toEqual(['channel error 541 oops', 'channel closed', 'requeued x true']);
    expect(h.status.cc?.state).not.toBe('failed');
  });

  it("a throwing consumer on a channel without an 'error' listener fails the connection; a connection listener hears it", async () => {
    const h = await harness();
    await h.run('cn', `
      const amqp = require('amqplib');
      const conn = await amqp.connect();
      conn.on('error', (e) => console.log('connection error', e.code, e.message));
      const ch = await conn.createChannel();
      await ch.assertQueue('q');
      await ch.consume('q', () => { throw new Error('oops'); });
      ch.sendToQueue('q', Buffer.from('x'));
    `);
    await h.advance(1000);
    expect(h.lines('cn')).toEqual(['connection error 541 oops']);
    expect(h.status.cn?.state).not.toBe('failed');
  });

  it('a program reaching for the worker, the network or storage is told it cannot, at its line', async () => {
    const h = await harness();
    await h.run('a', "const x = 1;\npostMessage('hi');");
    await h.run('b', "globalThis.fetch('https://example.com');");
    await h.run('c', "self.importScripts('x.js');");
    await h.run('d', 'setTimeout(() => console.log(typeof globalThis.setTimeout, typeof indexedDB), 5);');
    await h.advance(10);
    expect(h.status.a.error).toMatchObject({ line: 2, message: expect.stringMatching(/^TypeError: postMessage is not available/) });
    expect(h.status.b.error?.message).toMatch(/fetch is not available/);
    expect(h.status.c.error?.message).toMatch(/importScripts is not available/);
    expect(h.lines('d')).toEqual(['function function']);
  });
});

describe('ProgramRuntime, the callback API and the virtual clock', () => {
  it('runs a callback-API program, with Date and Math.random from the simulation', async () => {
    const h = await harness();
    await h.run('cb', `
      const amqp = require('amqplib/callback_api');
      amqp.connect('amqp://localhost', (err, conn) => {
        if (err) throw err;
        conn.createChannel((err1, ch) => {
          if (err1) throw err1;
          ch.assertQueue('cbq', { durable: false }, (err2, ok) => {
            console.log('declared %s at %s', ok.queue, new Date().toISOString());
            setTimeout(() => { console.log(Date.now() - Date.UTC(2026, 0, 1), Math.random() < 1); throw new Error('late'); }, 250);
          });
        });
      });
    `);
    await h.advance(1000);
    expect(h.lines('cb')[0]).toBe('declared cbq at 2026-01-01T00:00:00.000Z');
    expect(h.lines('cb')[1]).toMatch(/^2\d\d true$/);
    expect(h.status.cb).toMatchObject({ state: 'failed', error: { message: 'Error: late', line: 9 } });
  });
});
