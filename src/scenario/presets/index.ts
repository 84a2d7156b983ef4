/**
 * The preset registry: every scenario `?preset=<id>` can open, each with its lesson.
 * Order is the order a learner meets them. Ids are part of share links (a link names a preset's
 * lesson by id), so they never change.
 */
import type { Preset } from './types';
import { PRESET_LAYOUT } from './layout';
import { helloWorld } from './hello-world';
import { workQueues } from './work-queues';
import { fairDispatch } from './fair-dispatch';
import { publishSubscribe } from './publish-subscribe';
import { routingPreset } from './routing';
import { topics } from './topics';
import { headersPreset } from './headers';
import { rpc } from './rpc';
import { publisherConfirms } from './publisher-confirms';
import { ttlDlx } from './ttl-dlx';
import { delayQueue } from './delay-queue';
import { maxLength } from './max-length';
import { priority } from './priority';
import { alternateExchange } from './alternate-exchange';
import { peakShaving } from './peak-shaving';
import { durabilityRestart } from './durability-restart';
import { vhosts } from './vhosts';
import { deliveryLimit } from './delivery-limit';
import { clusterClassicVsQuorum } from './cluster-classic-vs-quorum';
import { quorumMajority } from './quorum-majority';
import { mirroredFailover } from './mirrored-failover';
import { memoryAlarm } from './memory-alarm';
import { permissions } from './permissions';
import { policies } from './policies';

export type { Preset } from './types';

/**
 * Node positions ELK computed for each preset (scripts/layout-presets.ts writes them; a test keeps
 * them in step). Stored rather than computed on open, so a preset opens at once, without loading
 * ELK or moving under the pointer, and its share link is the same everywhere.
 */
const LAYOUT: Partial<Record<string, Partial<Record<string, [number, number]>>>> = PRESET_LAYOUT;

function laidOut(preset: Preset): Preset {
  const at = LAYOUT[preset.id];
  if (!at) return preset;
  const nodes = preset.doc.nodes.map((n) => {
    const p = at[n.id];
    return p ? { ...n, position: { x: p[0], y: p[1] } } : n;
  });
  return { ...preset, doc: { ...preset.doc, nodes } };
}

export const PRESETS: readonly Preset[] = [
  helloWorld,
  workQueues,
  fairDispatch,
  publishSubscribe,
  routingPreset,
  topics,
  headersPreset,
  rpc,
  publisherConfirms,
  ttlDlx,
  delayQueue,
  maxLength,
  priority,
  alternateExchange,
  peakShaving,
  durabilityRestart,
  vhosts,
  deliveryLimit,
  clusterClassicVsQuorum,
  quorumMajority,
  mirroredFailover,
  memoryAlarm,
  permissions,
  policies,
].map(laidOut);

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export type { DocText } from './types';
export { presetDocument, relocalized } from './localize';
