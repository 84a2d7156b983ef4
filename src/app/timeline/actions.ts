/**
 * The scenario's timeline in words, and entries made from what a person typed: what each action
 * acts on (a consumer, a producer, a queue, a cluster node, or the broker as a whole), how it reads
 * in the list ("5 s · pause C1"), and the checks an entry passes before it joins the document.
 */
import { DEFAULT_BROKER_NODES, LIMITS, timelineEntry, type ScenarioDocument, type TimelineEntry } from '../../scenario/schema';
import type { Translate } from '../text';

export type TimelineAction = TimelineEntry['action'];
export type ActionType = TimelineAction['type'];

/** What an action's `node` names: a canvas node of a kind, a broker node, or nothing. */
export type TargetKind = 'consumer' | 'producer' | 'queue' | 'cluster-node' | 'none';

/** Every action, in the order the menu offers them, with what it acts on (the compiler keeps the list whole). */
export const ACTIONS = {
  'stop-consumer': 'consumer',
  'start-consumer': 'consumer',
  'kill-consumer-connection': 'consumer',
  'stop-producer': 'producer',
  'start-producer': 'producer',
  publish: 'producer',
  'purge-queue': 'queue',
  'restart-broker': 'none',
  'set-memory-watermark': 'none',
  'set-disk-free': 'none',
  'stop-node': 'cluster-node',
  'start-node': 'cluster-node',
} as const satisfies Record<ActionType, TargetKind>;

export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

/** The actions that take a number besides their target, and what it is. */
export const AMOUNT: Partial<Record<ActionType, 'count' | 'fraction' | 'megabytes'>> = {
  publish: 'count',
  'set-memory-watermark': 'fraction',
  'set-disk-free': 'megabytes',
};

export interface Target {
  value: string;
  label: string;
}

/** What an action of this type can act on in this document. */
export function targetsFor(doc: ScenarioDocument, type: ActionType): Target[] {
  const kind: TargetKind = ACTIONS[type];
  if (kind === 'none') return [];
  if (kind === 'cluster-node') return (doc.broker?.nodes ?? DEFAULT_BROKER_NODES).map((n) => ({ value: n, label: n }));
  return doc.nodes.filter((n) => n.kind === kind).map((n) => ({ value: n.id, label: 'name' in n.config ? n.config.name : n.id }));
}

/** A target's name for the list: its canvas name, or a note that it was removed. */
function targetName(doc: ScenarioDocument, action: TimelineAction, t: Translate): string {
  if (!('node' in action)) return '';
  if (ACTIONS[action.type] === 'cluster-node') return action.node;
  const node = doc.nodes.find((n) => n.id === action.node);
  return node && 'name' in node.config ? node.config.name : t('timeline.removed');
}

/** "5 s · pause C1" */
export function describeEntry(doc: ScenarioDocument, entry: TimelineEntry, t: Translate): string {
  const a = entry.action;
  const name = targetName(doc, a, t);
  const vars: Record<string, string | number> = { name };
  if (a.type === 'publish') vars.count = a.count;
  if (a.type === 'set-memory-watermark') vars.fraction = a.fraction;
  if (a.type === 'set-disk-free') vars.size = formatBytes(a.bytes);
  return t('timeline.entry', { seconds: entry.at / 1000, what: t(`timeline.does.${a.type}`, vars) });
}

/** 50000000 → "50 MB" (SI, as RabbitMQ's disk_free_limit). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${+(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${+(bytes / 1e6).toFixed(2)} MB`;
  return `${bytes} B`;
}

/** What the form holds, as typed. */
export interface Draft {
  seconds: string;
  type: ActionType;
  target: string;
  amount: string;
}

export type DraftResult = { ok: true; entry: TimelineEntry } | { ok: false; error: string };

/**
 * A number as people type it: "1.5" or "1,5" (a decimal comma), "10,000" or "10 000" (thousands).
 * A comma followed by exactly three digits is read as thousands. NaN for anything else.
 */
export function parseAmount(text: string): number {
  const s = text.trim().replace(/[\s_]/g, '');
  if (s === '') return NaN;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^-?\d*,\d+$/.test(s)) return Number(s.replace(',', '.'));
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/**
 * The entry a draft makes, or what is wrong with it (a translation key under `timeline.error`),
 * for a timeline that already holds `held` entries.
 */
export function entryOf(draft: Draft, targets: readonly Target[], held = 0): DraftResult {
  if (held >= LIMITS.timeline) return { ok: false, error: 'full' };
  const seconds = parseAmount(draft.seconds);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400) return { ok: false, error: 'time' };
  const at = Math.round(seconds * 1000);
  const kind = ACTIONS[draft.type];
  if (kind !== 'none' && !targets.some((x) => x.value === draft.target)) return { ok: false, error: targets.length ? 'target' : `none.${kind}` };
  const amount = parseAmount(draft.amount);
  let action: Record<string, unknown> = { type: draft.type };
  if (kind !== 'none') action.node = draft.target;
  switch (AMOUNT[draft.type]) {
    case 'count':
      if (!Number.isInteger(amount) || amount < 1 || amount > 10_000) return { ok: false, error: 'count' };
      action = { ...action, count: amount };
      break;
    case 'fraction':
      if (!Number.isFinite(amount) || amount < 0 || amount > 1) return { ok: false, error: 'fraction' };
      action = { ...action, fraction: amount };
      break;
    case 'megabytes':
      if (!Number.isFinite(amount) || amount < 0) return { ok: false, error: 'disk' };
      action = { ...action, bytes: Math.round(amount * 1e6) };
      break;
    default:
      break;
  }
  // The document's own schema has the last word.
  const parsed = timelineEntry.safeParse({ at, action });
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, error: 'invalid' };
}

/** The timeline in the order things happen (entries at the same time keep their order), with their places in the document. */
export function sortedEntries(timeline: readonly TimelineEntry[] | undefined): { entry: TimelineEntry; index: number }[] {
  return (timeline ?? []).map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at - b.entry.at || a.index - b.index);
}
