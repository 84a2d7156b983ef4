/* eslint-disable @typescript-eslint/no-explicit-any -- scenario modules are untyped .mjs files */
// Runs conformance scenarios against a real RabbitMQ through amqplib, with the contract of
// conformance/README.md (and its ops/ and cluster/ extensions). Adapted from the recorder scripts that
// produced the shared expected files (oracle.mjs, ops.mjs, cluster.mjs).
import amqp from 'amqplib';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ctl, type RabbitNode } from './broker.ts';

export type Kind = 'plain' | 'ops' | 'cluster';

export interface Scenario {
  name: string;
  desc: string;
  run: (ch: any, wait: (ms: number) => Promise<void>, log: (o: unknown) => void, ctx: any) => Promise<void>;
  /** A case's own limit, for cases that stop and start nodes (default: TIMEOUT of its kind). */
  timeoutMs?: number;
}

export interface RunResult {
  observations: unknown[];
  error: string | null;
  ms: number;
}

/** Where to run: one node (plain and ops cases) or three (cluster cases). */
export interface RealTarget {
  nodes: RabbitNode[]; // nodes[0] is node 1
}

const TIMEOUT: Record<Kind, number> = { plain: 30000, ops: 90000, cluster: 120000 };
const DEFAULT_WATERMARK = 0.4;
const DEFAULT_DISK_LIMIT = 50000000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// amqplib reports a connection.close received during the handshake after connection.open (vhost access
// refused, ...) only as 'Expected ConnectionOpenOk; got <ConnectionClose ...>', dropping the reply code and
// text. Remember the last handshake close frame so that connect() can reject with {code, message: '... with
// message "TEXT"'} like every other broker error (the recorder's hook).
const require = createRequire(import.meta.url);
const AMQPLIB = path.dirname(require.resolve('amqplib'));
const { Connection } = require(path.join(AMQPLIB, 'lib', 'connection.js'));
const callbackApi = require(path.join(AMQPLIB, 'callback_api.js'));
const defs = require(path.join(AMQPLIB, 'lib', 'defs.js'));
let lastHandshakeClose: { replyCode: number; replyText: string } | null = null;
if (!Connection.prototype.__warrenHooked) {
  const origStep = Connection.prototype.step;
  Connection.prototype.step = function step(cb: (e: unknown, frame: any) => void) {
    return origStep.call(this, (e: unknown, frame: any) => {
      if (frame && frame.id === defs.ConnectionClose) lastHandshakeClose = frame.fields;
      cb(e, frame);
    });
  };
  Connection.prototype.__warrenHooked = true;
}

export async function amqpConnect(url: string): Promise<any> {
  lastHandshakeClose = null;
  try {
    return await amqp.connect(url);
  } catch (e) {
    const f = lastHandshakeClose as { replyCode: number; replyText: string } | null;
    if (!f) throw e;
    const e2: any = new Error(`Connection refused during handshake: ${f.replyCode} with message "${f.replyText}"`);
    e2.code = f.replyCode;
    throw e2;
  }
}

export function amqpUrl(node: RabbitNode, { user = 'guest', password = 'guest', vhost = '/' } = {}): string {
  return `amqp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${node.host}:${node.port}/${encodeURIComponent(vhost)}`;
}

function err(e: any) {
  const m = /with message "([^"]*)"/.exec(e && e.message ? e.message : '');
  return { code: e && e.code !== undefined ? e.code : null, text: m ? m[1] : String(e && e.message) };
}

function assertPlain(o: unknown): void {
  if (o === null || typeof o !== 'object') {
    if (typeof o === 'function' || typeof o === 'bigint' || typeof o === 'symbol') throw new Error('non-plain value in observation');
    return;
  }
  if (Buffer.isBuffer(o)) throw new Error('Buffer in observation: convert content to string');
  for (const v of Object.values(o)) assertPlain(v);
}

async function waitAccepting(node: RabbitNode, deadlineMs = 60000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      const c = await amqp.connect(amqpUrl(node));
      c.on('error', () => {});
      await c.close();
      return;
    } catch (e) {
      if (Date.now() - t0 > deadlineMs) throw new Error(`${node.nodename} not accepting connections: ${(e as Error).message}`, { cause: e });
      await sleep(200);
    }
  }
}

interface Created { users: Set<string>; vhosts: Set<string>; policies: Set<string> }

function makeAdmin(node: RabbitNode, created: Created, all: RabbitNode[]) {
  const c = (...a: (string | number)[]) => ctl(node, a);
  return {
    async restart() { await c('stop_app'); await c('start_app'); await waitAccepting(node); },
    async setMemoryHighWatermark(fraction: number) { await c('set_vm_memory_high_watermark', fraction); },
    async setDiskFreeLimit(bytes: number) { await c('set_disk_free_limit', bytes); },
    async addVhost(name: string) { created.vhosts.add(name); await c('add_vhost', name); },
    async deleteVhost(name: string) { await c('delete_vhost', name); created.vhosts.delete(name); },
    async addUser(name: string, password: string, tags: string[] = []) {
      created.users.add(name);
      await c('add_user', name, password);
      await c('set_user_tags', name, ...tags);
    },
    async deleteUser(name: string) { await c('delete_user', name); created.users.delete(name); },
    async setPermissions(user: string, vhost: string, configure: string, write: string, read: string) {
      await c('set_permissions', '-p', vhost, user, configure, write, read);
    },
    async clearPermissions(user: string, vhost: string) { await c('clear_permissions', '-p', vhost, user); },
    async setPolicy(name: string, pattern: string, definition: unknown, { applyTo = 'all', priority = 0, vhost = '/' } = {}) {
      created.policies.add(JSON.stringify([name, vhost]));
      await c('set_policy', '-p', vhost, '--priority', priority, '--apply-to', applyTo, name, pattern, JSON.stringify(definition));
    },
    async clearPolicy(name: string, vhost = '/') {
      await c('clear_policy', '-p', vhost, name);
      created.policies.delete(JSON.stringify([name, vhost]));
    },
    // cluster cases
    async stopNode(n: number) { await ctl(all[n - 1], ['stop_app']); },
    async startNode(n: number) { await ctl(all[n - 1], ['start_app']); await waitAccepting(all[n - 1]); },
  };
}

const isRunning = (node: RabbitNode) => ctl(node, ['eval', 'rabbit:is_running().']).then((s) => s.trim() === 'true', () => false);
const nodeNum = (s: unknown) => { const m = /^r([123])@/.exec(String(s)); return m ? Number(m[1]) : String(s); };
const nodeList = (v: unknown) => (Array.isArray(v) ? v.map(nodeNum).sort() : []);

/** Where a queue lives, as plain data (cluster/README.md), asked of the first running node. */
async function queueInfo(nodes: RabbitNode[], name: string, vhost = '/'): Promise<unknown> {
  let via: RabbitNode | null = null;
  for (const n of nodes) if (await isRunning(n)) { via = n; break; }
  if (!via) throw new Error('no node running');
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const expr = `R = rabbit_misc:r(<<"${esc(vhost)}">>, queue, <<"${esc(name)}">>), `
    + 'F = fun(Q, St) -> T = amqqueue:get_type(Q), P = amqqueue:get_pid(Q), '
    + 'N = case P of {_, Nd} -> Nd; _ when is_pid(P) -> node(P); _ -> none end, '
    + 'io:format("~s", [rabbit_json:encode(#{type => T, node => N, state => St, '
    + 'mirrors => [node(X) || X <- amqqueue:get_slave_pids(Q), is_pid(X)], '
    + 'sync => [node(X) || X <- amqqueue:get_sync_slave_pids(Q), is_pid(X)]})]) end, '
    + 'case rabbit_amqqueue:lookup(R) of {ok, Q} -> F(Q, amqqueue:get_state(Q)); '
    + '_ -> case mnesia:dirty_read(rabbit_durable_queue, R) of [Q] -> F(Q, down); _ -> io:format("null") end end.';
  const out = (await ctl(via, ['eval', expr])).trim().replace(/ok$/, '');
  const r = JSON.parse(out);
  if (!r) return null;
  if (r.type === 'rabbit_quorum_queue') {
    const rows = JSON.parse(await ctl(via, ['list_queues', '-p', vhost, 'name', 'leader', 'members', 'online', '--formatter', 'json']));
    const row = rows.find((x: any) => x.name === name) || {};
    return { type: 'quorum', leader: nodeNum(row.leader), members: nodeList(row.members), online: nodeList(row.online) };
  }
  return { type: 'classic', node: nodeNum(r.node), mirrors: nodeList(r.mirrors), syncMirrors: nodeList(r.sync), state: r.state };
}

/** Safety net after a broker-level case: defaults back, created users/vhosts/policies gone, nodes running. */
async function resetGlobal(kind: Kind, nodes: RabbitNode[], created: Created): Promise<void> {
  const tryCtl = async (node: RabbitNode, ...a: (string | number)[]) => { try { await ctl(node, a); } catch { /* ignore */ } };
  const n1 = nodes[0];
  if (kind === 'ops') {
    await tryCtl(n1, 'set_vm_memory_high_watermark', DEFAULT_WATERMARK);
    await tryCtl(n1, 'set_disk_free_limit', DEFAULT_DISK_LIMIT);
  }
  for (const n of nodes) {
    if (!(await isRunning(n))) await tryCtl(n, 'start_app');
    await waitAccepting(n).catch(() => {});
  }
  for (const p of created.policies) { const [nm, v] = JSON.parse(p); await tryCtl(n1, 'clear_policy', '-p', v, nm); }
  for (const u of created.users) await tryCtl(n1, 'delete_user', u);
  for (const v of created.vhosts) await tryCtl(n1, 'delete_vhost', v);
}

/** Run one scenario on the real broker and return its observations. */
export async function runOnReal(s: Scenario, kind: Kind, target: RealTarget): Promise<RunResult> {
  const nodes = target.nodes;
  const conns: any[] = [];
  const created: Created = { users: new Set(), vhosts: new Set(), policies: new Set() };
  const tracked = { queues: new Set<string>(), exchanges: new Set<string>() };
  const wrapCh = (ch: any) => {
    ch.on('error', () => {}); // channel exceptions surface as rejected promises
    const aq = ch.assertQueue.bind(ch);
    ch.assertQueue = (q: string, o: unknown) => { if (q) tracked.queues.add(q); return aq(q, o); };
    const ae = ch.assertExchange.bind(ch);
    ch.assertExchange = (e: string, t: string, o: unknown) => { tracked.exchanges.add(e); return ae(e, t, o); };
    return ch;
  };
  const wrapConn = (c: any) => {
    c.on('error', () => {});
    conns.push(c);
    return {
      createChannel: async () => wrapCh(await c.createChannel()),
      createConfirmChannel: async () => wrapCh(await c.createConfirmChannel()),
      updateSecret: (secret: Buffer, reason: string) => c.updateSecret(secret, reason),
      close: async () => { try { await c.close(); } catch { /* already closed */ } },
      on(event: string, cb: (d: unknown) => void) {
        if (event === 'blocked') c.on('blocked', (reason: unknown) => cb({ event, reason: String(reason) }));
        else if (event === 'unblocked') c.on('unblocked', () => cb({ event }));
        else if (event === 'close') c.on('close', (e: unknown) => cb({ event, ...(e ? err(e) : { code: null, text: null }) }));
        else if (event === 'error') c.on('error', (e: unknown) => cb({ event, ...err(e) }));
        else throw new Error(`unsupported connection event ${event}`);
      },
    };
  };
  const nodeOf = (n?: number) => nodes[(n ?? 1) - 1] ?? nodes[0];
  const observations: unknown[] = [];
  const log = (o: unknown) => { assertPlain(o); observations.push(JSON.parse(JSON.stringify(o))); };
  const t0 = Date.now();
  let error: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const conn = wrapConn(await amqpConnect(amqpUrl(nodes[0])));
    const ch = await conn.createChannel();
    const ctx: any = {
      conn,
      connect: async (opts: any = {}) => wrapConn(await amqpConnect(amqpUrl(nodeOf(opts.node), opts))),
      // amqplib's callback API on a connection of its own (the fuzzer's second client style)
      connectCallback: () => new Promise((resolve, reject) => {
        callbackApi.connect(amqpUrl(nodes[0]), (e: Error | null, c: any) => {
          if (e) { reject(e); return; }
          c.on('error', () => {});
          conns.push({ close: () => new Promise<void>((done) => { try { c.close(() => done()); } catch { done(); } }) });
          resolve(c);
        });
      }),
    };
    if (kind !== 'plain') ctx.admin = makeAdmin(nodes[0], created, nodes);
    if (kind === 'cluster') ctx.queueInfo = (name: string) => queueInfo(nodes, name);
    await Promise.race([
      s.run(ch, sleep, log, ctx),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error('scenario timeout')), s.timeoutMs ?? TIMEOUT[kind]); }),
    ]);
  } catch (e) {
    error = String((e as Error)?.message);
    observations.push({ scenarioError: error });
  } finally {
    clearTimeout(timer);
  }
  for (const c of conns) { try { await c.close(); } catch { /* ignore */ } }
  if (kind !== 'plain') await resetGlobal(kind, nodes, created);
  // safety-net cleanup of anything the scenario declared (scenarios also clean up themselves)
  try {
    const c = await amqp.connect(amqpUrl(nodes[0]));
    c.on('error', () => {});
    for (const q of tracked.queues) {
      const ch = await c.createChannel(); ch.on('error', () => {});
      try { await ch.deleteQueue(q); await ch.close(); } catch { /* ignore */ }
    }
    for (const e of tracked.exchanges) {
      if (!e || e.startsWith('amq.')) continue;
      const ch = await c.createChannel(); ch.on('error', () => {});
      try { await ch.deleteExchange(e); await ch.close(); } catch { /* ignore */ }
    }
    await c.close();
  } catch { /* ignore */ }
  return { observations, error, ms: Date.now() - t0 };
}
