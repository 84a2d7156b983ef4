/**
 * Declares a scenario's topology on a fresh broker, the way a setup script would on a real one:
 * exchanges, queues, bindings; then opens a connection per producer and consumer.
 * A declaration the broker refuses is recorded against its node in RabbitMQ's words.
 */
import { shareable, type Broker, type Channel, type Connection } from '../engine';
import type { ScenarioDocument, ScenarioNode } from '../scenario/schema';

/** The listener for connections and channels whose errors are reported where they were used (copyable: it keeps nothing). */
export const ignoreError = shareable((): void => {});

type NodeOf<K extends ScenarioNode['kind']> = Extract<ScenarioNode, { kind: K }>;

export interface BuiltTopology {
  /** Node id → an error text, for declarations the broker refused. */
  errors: Map<string, string>;
  exchanges: Map<string, string>;
  queues: Map<string, string>;
}

/** `vhost/name` keys, as the engine's counters use. */
export const entityKey = (vhost: string, name: string): string => `${vhost}/${name}`;

function errorText(e: unknown): string {
  const m = /with message "([^"]*)"/.exec(e instanceof Error ? e.message : String(e));
  return m ? m[1] : e instanceof Error ? e.message : String(e);
}

/** A declaring channel per vhost; a refused declaration closes a channel, so reopen as needed. */
class Declarer {
  private conns = new Map<string, Connection>();
  private chans = new Map<string, Channel>();
  constructor(private readonly broker: Broker) {}

  /** Cluster: `node` picks the connection's node (a queue lives on the node that declared it). */
  async channel(vhost: string, node?: string): Promise<Channel> {
    const key = node === undefined ? vhost : `${vhost}\u0000${node}`;
    const open = this.chans.get(key);
    if (open) return open;
    let conn = this.conns.get(key);
    if (!conn) {
      conn = await this.broker.connect({ vhost, ...(node === undefined ? {} : { node }) });
      conn.on('error', ignoreError);
      this.conns.set(key, conn);
    }
    const ch = await conn.createChannel();
    ch.on('error', ignoreError);
    this.chans.set(key, ch);
    return ch;
  }

  /** Runs one declaration; on failure, records the error and drops the (now closed) channel. */
  async run(vhost: string, op: (ch: Channel) => Promise<unknown>, node?: string): Promise<string | null> {
    let ch: Channel;
    try {
      ch = await this.channel(vhost, node);
    } catch (e) {
      return errorText(e); // the declaring connection was refused (530: no such vhost, no access)
    }
    try {
      await op(ch);
      return null;
    } catch (e) {
      this.chans.delete(node === undefined ? vhost : `${vhost}\u0000${node}`);
      return errorText(e);
    }
  }

  async close(): Promise<void> {
    for (const c of this.conns.values()) await c.close().catch(() => {});
  }
}

/** `queueNode` (cluster hook, cluster-setup.ts): the node each queue is declared from. */
export async function declareTopology(
  broker: Broker,
  doc: ScenarioDocument,
  queueNode?: (queue: string, node: string | undefined) => string,
): Promise<BuiltTopology> {
  const out: BuiltTopology = { errors: new Map(), exchanges: new Map(), queues: new Map() };
  const restore = await grantDeclaringAccess(broker, doc);
  const declarer = new Declarer(broker);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const exclusiveOwners = new Set(
    doc.edges.filter((e) => e.kind === 'consume').map((e) => e.source),
  );

  for (const n of doc.nodes) {
    if (n.kind !== 'exchange') continue;
    const c = n.config;
    out.exchanges.set(entityKey(c.vhost, c.name), n.id);
    const err = await declarer.run(c.vhost, (ch) =>
      ch.assertExchange(c.name, c.type, {
        durable: c.durable,
        autoDelete: c.autoDelete,
        internal: c.internal,
        ...(c.alternateExchange ? { alternateExchange: c.alternateExchange } : {}),
      }),
    );
    if (err) out.errors.set(n.id, err);
  }
  for (const n of doc.nodes) {
    if (n.kind !== 'queue') continue;
    const c = n.config;
    out.queues.set(entityKey(c.vhost, c.name), n.id);
    // An exclusive queue belongs to the connection that declares it: its consumer declares it.
    if (c.exclusive && exclusiveOwners.has(n.id)) continue;
    const err = await declarer.run(c.vhost, (ch) => ch.assertQueue(c.name, queueOptions(n)), queueNode?.(c.name, c.node));
    if (err) out.errors.set(n.id, err);
  }
  for (const e of doc.edges) {
    if (e.kind !== 'binding') continue;
    const src = byId.get(e.source);
    const dst = byId.get(e.target);
    if (src?.kind !== 'exchange' || !dst || (dst.kind !== 'queue' && dst.kind !== 'exchange')) continue;
    if (dst.kind === 'queue' && dst.config.exclusive && exclusiveOwners.has(dst.id)) continue;
    const args = Object.keys(e.arguments).length ? e.arguments : undefined;
    const err = await declarer.run(src.config.vhost, (ch) =>
      dst.kind === 'queue'
        ? ch.bindQueue(dst.config.name, src.config.name, e.bindingKey, args)
        : ch.bindExchange(dst.config.name, src.config.name, e.bindingKey, args),
    );
    if (err) out.errors.set(e.id, err);
  }
  await declarer.close();
  await restore();
  return out;
}

/**
 * The document's topology is the broker's definitions, declared as `import_definitions` does: whatever
 * guest (the declaring user) may do. Where guest lacks full access to a vhost that has exchanges or
 * queues, it gets it for the declarations only; the returned function puts its permissions back.
 */
async function grantDeclaringAccess(broker: Broker, doc: ScenarioDocument): Promise<() => Promise<void>> {
  const admin = broker.admin;
  const vhosts = new Set(doc.nodes.flatMap((n) => (n.kind === 'exchange' || n.kind === 'queue' ? [n.config.vhost] : [])));
  const before = new Map(admin.permissions().filter((p) => p.user === 'guest').map((p) => [p.vhost, p]));
  const granted: string[] = [];
  for (const v of vhosts) {
    const p = before.get(v);
    if (p && p.configure === '.*' && p.write === '.*' && p.read === '.*') continue;
    try {
      await admin.setPermissions('guest', v, '.*', '.*', '.*');
      granted.push(v);
    } catch {
      // No such vhost (or no guest): the declarations are refused in the broker's words.
    }
  }
  return async () => {
    for (const v of granted) {
      const p = before.get(v);
      await (p ? admin.setPermissions('guest', v, p.configure, p.write, p.read) : admin.clearPermissions('guest', v)).catch(() => {});
    }
  };
}

/** assertQueue options for a queue node (also used by the consumer that owns an exclusive queue). */
export function queueOptions(n: NodeOf<'queue'>) {
  const c = n.config;
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.arguments)) if (v !== undefined) args[k] = v;
  return { durable: c.durable, exclusive: c.exclusive, autoDelete: c.autoDelete, arguments: args };
}

/** Declares the exclusive queues a consumer owns, and their bindings, on its own channel. */
export async function declareOwnedQueue(ch: Channel, doc: ScenarioDocument, queue: NodeOf<'queue'>): Promise<string | null> {
  try {
    await ch.assertQueue(queue.config.name, queueOptions(queue));
    for (const e of doc.edges) {
      if (e.kind !== 'binding' || e.target !== queue.id) continue;
      const src = doc.nodes.find((n) => n.id === e.source);
      if (src?.kind !== 'exchange') continue;
      await ch.bindQueue(queue.config.name, src.config.name, e.bindingKey, Object.keys(e.arguments).length ? e.arguments : undefined);
    }
    return null;
  } catch (e) {
    return errorText(e);
  }
}

export { errorText };
