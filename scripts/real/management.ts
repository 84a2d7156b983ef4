// The management views against RabbitMQ's own management plugin (3.10.8): the same Publish message and Get
// messages operations, in the same order, through the HTTP API of a private node with rabbitmq_management
// enabled and through Warren's worker (src/worker/management.ts) on the engine; their answers must be equal.
// Run alone: `npx tsx scripts/real/management.ts` (inside `flock /tmp/warren-rmq.lock`).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { presetById } from '../../src/scenario/presets/index.ts';
import { exportDefinitions } from '../../src/scenario/definitions.ts';
import type { ScenarioDocument } from '../../src/scenario/schema.ts';
import { Simulation } from '../../src/worker/simulation.ts';
import type { ManagementOp, ManagementResult } from '../../src/worker/management-protocol.ts';
import { ctl, freePort, portOpen, RABBIT_BIN, startNode, stopNode, type RabbitNode } from './broker.ts';

/** The routing preset's exchange, queues and bindings, nothing else. */
function topology(): ScenarioDocument {
  const doc = presetById('routing')!.doc;
  return { ...doc, nodes: doc.nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue'), edges: doc.edges.filter((e) => e.kind === 'binding'), timeline: [] };
}

const pub = (routingKey: string, payload: string, exchange = 'direct_logs'): ManagementOp => ({ op: 'publish', vhost: '/', exchange, routingKey, payload, payloadEncoding: 'string', properties: { delivery_mode: 2, headers: { n: 1 } } });
const get = (queue: string, ackmode: Extract<ManagementOp, { op: 'get' }>['ackmode'], count: number): ManagementOp => ({ op: 'get', vhost: '/', queue, count, ackmode, encoding: 'auto' });

/** Every ack mode, a count larger than the queue, an empty queue, a queue publish, an unroutable publish. */
const STEPS: ManagementOp[] = [
  pub('info', 'one'), pub('info', 'two'), pub('error', 'three'), pub('debug', 'nobody'),
  get('all_logs', 'ack_requeue_true', 5), get('all_logs', 'ack_requeue_true', 1),
  get('all_logs', 'reject_requeue_true', 2), get('all_logs', 'reject_requeue_false', 1),
  get('all_logs', 'ack_requeue_false', 5), get('all_logs', 'ack_requeue_true', 1),
  pub('errors', 'direct', ''), get('errors', 'ack_requeue_false', 5),
];

/** Plain data with its keys sorted, so the two answers compare whatever order each wrote them in. */
function comparable(r: unknown): unknown {
  if (Array.isArray(r)) return r.map(comparable);
  if (r && typeof r === 'object') return Object.fromEntries(Object.keys(r).sort().map((k) => [k, comparable((r as Record<string, unknown>)[k])]));
  return r;
}

async function http(port: number, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function onRabbit(port: number, op: ManagementOp): Promise<unknown> {
  const v = encodeURIComponent('/');
  if (op.op === 'publish') {
    const r = await http(port, 'POST', `/api/exchanges/${v}/${encodeURIComponent(op.exchange || 'amq.default')}/publish`, {
      routing_key: op.routingKey, payload: op.payload, payload_encoding: op.payloadEncoding, properties: op.properties,
    });
    return r.json;
  }
  if (op.op === 'get') {
    const r = await http(port, 'POST', `/api/queues/${v}/${encodeURIComponent(op.queue)}/get`, { count: op.count, ackmode: op.ackmode, encoding: op.encoding });
    return r.json;
  }
  return null;
}

function onEngineAnswer(r: ManagementResult): unknown {
  if ('error' in r) return { error: r.error };
  if (r.op === 'publish') return { routed: r.routed };
  if (r.op === 'get') return r.messages;
  return null;
}

function pluginsCmd(node: RabbitNode, args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(path.join(RABBIT_BIN, 'rabbitmq-plugins'), args, { env: node.env, timeout: 120_000 }, (e, _o, stderr) => (e ? reject(new Error(String(stderr))) : resolve())),
  );
}

async function main(): Promise<number> {
  const doc = topology();
  const node = await startNode({ log: (s) => console.log(`broker: ${s}`) });
  try {
    const port = await freePort();
    // The plugin listens where we say (not on 15672, which another node may hold).
    await ctl(node, ['eval', `application:set_env(rabbitmq_management, tcp_config, [{port, ${port}}, {ip, "127.0.0.1"}]).`]);
    await pluginsCmd(node, ['enable', 'rabbitmq_management']);
    for (let i = 0; !(await portOpen(port)); i++) {
      if (i > 300) throw new Error('the management plugin did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warren-mgmt-'));
    fs.writeFileSync(path.join(dir, 'defs.json'), JSON.stringify((await exportDefinitions(doc)).definitions));
    await ctl(node, ['import_definitions', path.join(dir, 'defs.json')]);
    fs.rmSync(dir, { recursive: true, force: true });

    const sim = await Simulation.create(doc);
    let failed = 0;
    for (const op of STEPS) {
      const real = comparable(await onRabbit(port, op));
      const answer = sim.management.run(op);
      await sim.advance(5_000);
      const engine = comparable(onEngineAnswer(await answer));
      const same = JSON.stringify(real) === JSON.stringify(engine);
      if (!same) failed++;
      const label = op.op === 'publish' ? `publish ${JSON.stringify(op.exchange)} ${JSON.stringify(op.routingKey)}` : op.op === 'get' ? `get ${op.queue} ${op.ackmode} ×${op.count}` : op.op;
      console.log(`${same ? 'ok     ' : 'DIFF   '} ${label}`);
      if (!same) console.log(`    real:   ${JSON.stringify(real)}\n    engine: ${JSON.stringify(engine)}`);
    }
    console.log(`management: ${STEPS.length - failed}/${STEPS.length} answers equal`);
    return failed ? 1 : 0;
  } finally {
    await stopNode(node);
  }
}

process.exitCode = await main();
