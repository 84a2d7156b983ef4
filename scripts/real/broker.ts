// A private, loopback-only RabbitMQ for conformance:real, the fuzzer and the benchmark.
//
// Everything lives under a temporary folder (mnesia, logs, the Erlang cookie in a private HOME, the config
// files); nothing system-wide is read or written (no /etc/rabbitmq, no /var/lib/rabbitmq). A node started here
// is stopped here, by its own process ids (the rabbitmq-server wrapper, its beam, and the epmd daemon when this
// start spawned it).
//
// Two modes:
// - startNode(): a fresh node on free ports, nodename `warren-real-<pid>@localhost` (or a given one);
// - attachScriptNode(): the node of scripts/rabbitmq/broker.sh when it is already running (never stopped here).
import { spawn, execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const RABBIT_BIN = process.env.WARREN_RABBITMQ_BIN || '/usr/lib/rabbitmq/bin';
export const INSTALL_HINT =
  'RabbitMQ is not installed (no rabbitmq-server in ' + RABBIT_BIN + ').\n' +
  'Install it with:  apt-get install -y rabbitmq-server\n' +
  '(Debian/Ubuntu; the package starts a system service, which this command neither needs nor touches:\n' +
  ' `systemctl disable --now rabbitmq-server` if you do not want it.)';

export function rabbitInstalled(): boolean {
  return fs.existsSync(path.join(RABBIT_BIN, 'rabbitmq-server')) && fs.existsSync(path.join(RABBIT_BIN, 'rabbitmqctl'));
}

/** A node the tools can talk to: AMQP port, nodename and the environment rabbitmqctl needs. */
export interface RabbitNode {
  nodename: string;
  host: string;
  port: number;
  dir: string;
  env: NodeJS.ProcessEnv;
  /** true when this process started it (and so must stop it). */
  owned: boolean;
  wrapperPid?: number;
  beamPid?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP port nobody listens on right now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const p = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(p));
    });
  });
}

/** Whether something accepts TCP connections on host:port. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (v: boolean) => { s.destroy(); resolve(v); };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
  });
}

function epmdPids(): number[] {
  try {
    return execFileSync('pgrep', ['-x', 'epmd'], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number);
  } catch { return []; }
}

function nodeEnv(dir: string, nodename: string, port: number, distPort: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LANG: process.env.LANG || 'C.UTF-8',
    HOME: path.join(dir, 'home'), // holds the .erlang.cookie shared by the server and the CLI tools
    RABBITMQ_NODENAME: nodename,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    // WARREN_RMQ_ERL_ARGS adds emulator flags (e.g. `+S 1:1`, one scheduler, to take queue processes' races out)
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: `-kernel inet_dist_use_interface {127,0,0,1}${process.env.WARREN_RMQ_ERL_ARGS ? ` ${process.env.WARREN_RMQ_ERL_ARGS}` : ''}`,
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_PID_FILE: path.join(dir, 'beam.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq'), // -> rabbitmq.conf
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
  };
}

function prepareDir(dir: string, port: number, cookie?: string): void {
  fs.mkdirSync(path.join(dir, 'home'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'mnesia'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'log'), { recursive: true });
  const cookieFile = path.join(dir, 'home', '.erlang.cookie');
  if (!fs.existsSync(cookieFile)) {
    fs.writeFileSync(cookieFile, cookie ?? Buffer.from(Array.from({ length: 20 }, () => Math.floor(Math.random() * 256))).toString('hex'), { mode: 0o400 });
  }
  fs.writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(path.join(dir, 'advanced.config'), '[].\n');
  fs.writeFileSync(path.join(dir, 'rabbitmq.conf'), [
    `listeners.tcp.default = 127.0.0.1:${port}`,
    'loopback_users.guest = true',
    'log.console = false',
    'log.file.level = info',
    '',
  ].join('\n'));
}

/** rabbitmqctl against a node (no shell). Resolves stdout, rejects with stderr. */
export function ctl(node: RabbitNode, args: (string | number)[], timeoutMs = 120000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path.join(RABBIT_BIN, 'rabbitmqctl'), ['-n', node.nodename, '-q', ...args.map(String)],
      { env: node.env, timeout: timeoutMs }, (e, stdout, stderr) => {
        if (e) reject(new Error(`rabbitmqctl ${args.join(' ')}: ${(stderr || e.message).trim()}`));
        else resolve(stdout);
      });
  });
}

let epmdOwned: number[] = [];

export interface StartOptions {
  dir?: string;
  nodename?: string;
  port?: number;
  distPort?: number;
  cookie?: string;
  /** wait for the node to answer (default true). */
  wait?: boolean;
  log?: (s: string) => void;
}

/** Start a private node; resolves once it accepts AMQP connections. */
export async function startNode(opts: StartOptions = {}): Promise<RabbitNode> {
  if (!rabbitInstalled()) throw new Error(INSTALL_HINT);
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'warren-real-'));
  const port = opts.port ?? await freePort();
  const distPort = opts.distPort ?? await freePort();
  const nodename = opts.nodename ?? `warren-real-${process.pid}@localhost`;
  prepareDir(dir, port, opts.cookie);
  const env = nodeEnv(dir, nodename, port, distPort);
  const epmdBefore = epmdPids();
  const out = fs.openSync(path.join(dir, 'log', 'stdout.log'), 'a');
  const child = spawn(path.join(RABBIT_BIN, 'rabbitmq-server'), [], { env, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.closeSync(out);
  const node: RabbitNode = { nodename, host: '127.0.0.1', port, dir, env, owned: true, wrapperPid: child.pid };
  let exited: number | null = null;
  child.on('exit', (code) => { exited = code ?? -1; });
  if (opts.wait === false) return node;
  await waitNode(node, () => exited, opts.log);
  if (epmdBefore.length === 0) epmdOwned = epmdPids();
  return node;
}

export async function waitNode(node: RabbitNode, exited: () => number | null = () => null, log?: (s: string) => void): Promise<void> {
  const t0 = Date.now();
  const pidFile = String(node.env.RABBITMQ_PID_FILE);
  for (;;) {
    const ex = exited();
    if (ex !== null) {
      const tail = readTail(path.join(node.dir, 'log', 'stdout.log'));
      throw new Error(`rabbitmq-server exited (code ${ex}) before it was up; see ${node.dir}/log\n${tail}`);
    }
    if (fs.existsSync(pidFile) && (await portOpen(node.port))) {
      try { await ctl(node, ['await_startup', '--timeout', 60], 70000); break; } catch { /* not yet */ }
    }
    if (Date.now() - t0 > 120000) throw new Error(`RabbitMQ did not start within 120 s; see ${node.dir}/log`);
    await sleep(250);
  }
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  if (pid) node.beamPid = pid;
  log?.(`RabbitMQ ${node.nodename} up on 127.0.0.1:${node.port} in ${((Date.now() - t0) / 1000).toFixed(1)} s (state in ${node.dir})`);
}

function readTail(f: string): string {
  try { return fs.readFileSync(f, 'utf8').split('\n').slice(-15).join('\n'); } catch { return ''; }
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Stop a node this process started (by its process ids); a node it did not start is left alone. */
export async function stopNode(node: RabbitNode, { removeDir = true } = {}): Promise<void> {
  if (!node.owned) return;
  try { await ctl(node, ['stop', String(node.env.RABBITMQ_PID_FILE)], 60000); } catch { /* fall back to signals */ }
  for (const pid of [node.wrapperPid, node.beamPid]) if (alive(pid)) { try { process.kill(pid!, 'SIGTERM'); } catch { /* gone */ } }
  for (let i = 0; i < 100 && (alive(node.beamPid) || alive(node.wrapperPid)); i++) await sleep(100);
  for (const pid of [node.wrapperPid, node.beamPid]) if (alive(pid)) { try { process.kill(pid!, 'SIGKILL'); } catch { /* gone */ } }
  node.owned = false;
  if (removeDir) { try { fs.rmSync(node.dir, { recursive: true, force: true }); } catch { /* keep it */ } }
}

/** Stop the epmd daemon that one of our starts spawned (when none ran before). */
export function stopOwnedEpmd(): void {
  for (const pid of epmdOwned) { try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ } }
  epmdOwned = [];
}

/** The node of scripts/rabbitmq/broker.sh, if it is running (used as is, never stopped here). */
export async function attachScriptNode(): Promise<RabbitNode | null> {
  const dir = process.env.WARREN_RMQ_DIR || '/tmp/warren-rabbitmq';
  const port = Number(process.env.WARREN_RMQ_PORT || 5672);
  if (!fs.existsSync(path.join(dir, 'home', '.erlang.cookie'))) return null;
  if (!(await portOpen(port))) return null;
  // broker.sh runs the recorder's script, whose node is always oracle@localhost.
  const env = { ...nodeEnv(dir, 'oracle@localhost', port, 25672) };
  const node: RabbitNode = { nodename: 'oracle@localhost', host: '127.0.0.1', port, dir, env, owned: false };
  try { await ctl(node, ['status'], 20000); } catch { return null; }
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// A three-node cluster (r1..r3@localhost), adapted from the recorder's cluster.sh. The node names are fixed
// because the recorded texts name them (`home node 'r2@localhost' ...`), so only one such cluster can run
// on a machine at a time.

export interface RabbitCluster {
  dir: string;
  nodes: RabbitNode[]; // index 0 = r1
}

async function epmdNames(): Promise<string> {
  return new Promise((resolve) => {
    execFile('epmd', ['-names'], { env: { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' } }, (_e, out) => resolve(out || ''));
  });
}

export async function startCluster(log?: (s: string) => void): Promise<RabbitCluster> {
  if (!rabbitInstalled()) throw new Error(INSTALL_HINT);
  const names = await epmdNames();
  if (/\bname r[123] at port/.test(names)) {
    throw new Error('a node named r1/r2/r3@localhost is already running (another cluster, e.g. the recorder\'s cluster.sh); stop it first');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warren-cluster-'));
  const cookie = Buffer.from(Array.from({ length: 20 }, () => Math.floor(Math.random() * 256))).toString('hex');
  const nodes: RabbitNode[] = [];
  const started: Promise<RabbitNode>[] = [];
  for (const n of [1, 2, 3]) {
    const p = await freePort();
    const d = await freePort();
    const nd = path.join(dir, `r${n}`);
    started.push(startNode({ dir: nd, nodename: `r${n}@localhost`, port: p, distPort: d, cookie }));
  }
  const res = await Promise.allSettled(started);
  for (const r of res) if (r.status === 'fulfilled') nodes.push(r.value);
  const cluster = { dir, nodes };
  const failed = res.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) { await stopCluster(cluster); throw failed.reason; }
  for (const n of nodes.slice(1)) {
    await ctl(n, ['stop_app']);
    await ctl(n, ['reset']);
    await ctl(n, ['join_cluster', 'r1@localhost']);
    await ctl(n, ['start_app']);
  }
  await ctl(nodes[0], ['await_online_nodes', 3, '--timeout', 120]);
  log?.(`cluster up: ${nodes.map((n) => `${n.nodename}:${n.port}`).join(', ')} (state in ${dir})`);
  return cluster;
}

export async function stopCluster(c: RabbitCluster): Promise<void> {
  for (const n of [...c.nodes].reverse()) await stopNode(n, { removeDir: false });
  try { fs.rmSync(c.dir, { recursive: true, force: true }); } catch { /* keep it */ }
}
