/**
 * Applies a document's `broker` section to a fresh broker before the topology is declared, as an
 * operator would with `rabbitmqctl` (add_vhost, add_user, set_user_tags, set_permissions,
 * set_policy) on a fresh install. Whatever the broker refuses is reported in its own words and
 * the rest still applies; declarations and connections then succeed or are refused as on RabbitMQ.
 */
import type { Broker, BrokerOptions } from '../engine';
import { brokerOf, policyApplyTo, resourcesOf } from '../scenario/broker';
import type { ScenarioDocument } from '../scenario/schema';

/** `createBroker` options for the modelled machine (cluster nodes are cluster-setup.ts's). */
export function brokerCreateOptions(doc: ScenarioDocument): Pick<BrokerOptions, 'resources'> {
  const cfg = brokerOf(doc);
  const out: Pick<BrokerOptions, 'resources'> = {};
  // The schema checks each value; a combination the engine refuses is reported by applyBrokerSection.
  const r = resourcesOf(cfg);
  if (Number.isFinite(r.memoryHighWatermark) && r.memoryHighWatermark <= 1) out.resources = r;
  return out;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs the section's commands in `rabbitmqctl` order; returns the refusals ("policy 'p': …"). */
export async function applyBrokerSection(broker: Broker, doc: ScenarioDocument): Promise<string[]> {
  if (!doc.broker) return [];
  const cfg = brokerOf(doc);
  const admin = broker.admin;
  const problems: string[] = [];
  const attempt = async (what: string, op: () => Promise<unknown>) => {
    try {
      await op();
    } catch (e) {
      problems.push(`${what}: ${text(e)}`);
    }
  };
  for (const v of cfg.vhosts) if (v !== '/') await attempt(`vhost '${v}'`, () => admin.addVhost(v));
  for (const u of cfg.users) {
    if (u.name === 'guest') {
      // Listing guest changes its password and tags; it keeps its permissions on '/' as
      // `change_password` and `set_user_tags` would.
      await attempt("user 'guest'", async () => {
        await admin.deleteUser('guest');
        await admin.addUser('guest', u.password, u.tags);
        await admin.setPermissions('guest', '/', '.*', '.*', '.*');
      });
    } else {
      await attempt(`user '${u.name}'`, () => admin.addUser(u.name, u.password, u.tags));
    }
  }
  for (const p of cfg.permissions) {
    await attempt(`permissions of '${p.user}' on '${p.vhost}'`, () => admin.setPermissions(p.user, p.vhost, p.configure, p.write, p.read));
  }
  for (const p of cfg.policies) {
    await attempt(`policy '${p.name}'`, () =>
      admin.setPolicy(p.name, p.pattern, p.definition, { vhost: p.vhost, priority: p.priority, applyTo: policyApplyTo(p.applyTo) }),
    );
  }
  // Resources the constructor could not take (a watermark above 1) are refused here, in words.
  const r = resourcesOf(cfg);
  if (!(r.memoryHighWatermark <= 1)) await attempt('resources', () => admin.setResources(cfg.resources));
  return problems;
}
