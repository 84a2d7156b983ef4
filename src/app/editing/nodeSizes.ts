/**
 * Node sizes as a pure function of the node, used both by the layout and by the node components
 * (as their width and minimum height). One source means the layout engine plans with the boxes
 * the canvas draws, in Node (tests, the preset script) and in the browser alike, and a name is
 * never cut: the box grows with it.
 */
import type { NodeKind, RoutingKeySource, ScenarioDocument, ScenarioNode } from '../../scenario/schema';
import { policyFeatures } from '../../scenario/broker';
import { queueFeatures } from '../canvas/nodes/queueFeatures';

export type Size = { width: number; height: number };

/** The smallest box per kind; names longer than fits widen it. */
export const DEFAULT_SIZE: Record<NodeKind, Size> = {
  producer: { width: 180, height: 68 },
  exchange: { width: 170, height: 88 },
  queue: { width: 190, height: 96 },
  consumer: { width: 190, height: 80 },
  note: { width: 220, height: 100 },
};

/** Horizontal room a kind spends besides its name: padding, glyph, gaps (a consumer: its state word too). */
const CHROME: Record<NodeKind, number> = { producer: 86, exchange: 106, queue: 56, consumer: 134, note: 0 };

/** Secondary text on nodes (sublabels, counters, feature letters), in canvas pixels: 11 px on screen down to a zoom of 0.85. */
export const SMALL_PX = 13;

/** The widest a node grows: longer names wrap instead. */
const MAX_WIDTH = 420;

/**
 * A generous estimate of a string's width in pixels at `px` (semibold sans-serif): it errs wide,
 * so a name sized by it fits whatever font the browser picks.
 */
export function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80) em += 1.05; // CJK and full-width forms
    else if (/[iljtfr.,:;'|!()[\] -]/.test(ch)) em += 0.42;
    else if (/[mwMW@%]/.test(ch)) em += 1.02;
    else if (/[A-Z0-9#_&]/.test(ch)) em += 0.78;
    else em += 0.68;
  }
  return Math.ceil(em * px);
}

/**
 * Dead-letter and alternate-exchange links leave a node's bottom this far right of its middle and
 * arrive this far left of it: the canvas's side handles and the layout's side ports sit there alike.
 */
export const SIDE_PORT_OFFSET = 12;
export const SIDE_OUT_STYLE = { left: `calc(50% + ${SIDE_PORT_OFFSET}px)` } as const;
export const SIDE_IN_STYLE = { left: `calc(50% - ${SIDE_PORT_OFFSET}px)` } as const;

/** The name text size on nodes, in canvas pixels. */
export const NAME_PX = 15;

/**
 * A producer's routing key as its sublabel shows it: a list of keys as its first and how many
 * more (the full list is the sublabel's tooltip, and the inspector's).
 */
export function describeKey(rk: RoutingKeySource): string {
  switch (rk.mode) {
    case 'fixed':
      return rk.key === '' ? '""' : rk.key;
    case 'cycle':
    case 'random':
      return rk.keys.length > 1 ? `${rk.keys[0]} (+${rk.keys.length - 1})` : (rk.keys[0] ?? '');
    case 'template':
      return rk.template;
  }
}

/**
 * The words a sublabel shows, in the wider of English and Chinese (nodeSizes.test.ts checks them
 * against the locale files): a box is the same size in both languages, so nothing moves on a switch.
 */
export const SUBLABEL_WORDS = { unconnected: 'not connected', manualAck: 'manual ack', manualSends: 'manual sends', rate: '{{rate}} msg/s' } as const;

/** Room beside a sublabel: padding, glyph, gap, border. */
const SUB_CHROME: Partial<Record<NodeKind, number>> = { producer: 86, consumer: 80 };
const SUB_LINE = 18;
const monoWidth = (text: string, px: number) => Math.ceil([...text].length * 0.62 * px);

/**
 * The two parts of a producer's or consumer's sublabel (`link`: the exchange it publishes to, the
 * queue it consumes from): "→ exchange ·" and its routing key, "← queue ·" and its ack mode. The
 * canvas shows both on one line when they fit the box, else one under the other, each wrapping
 * onto as many lines as it needs: the box grows taller, never wider, so the path stays short.
 */
function sublabelParts(node: ScenarioNode, link: string | undefined): [number, number] {
  const to = link ?? SUBLABEL_WORDS.unconnected;
  if (node.kind === 'producer') return [textWidth(`→ ${to} ·`, SMALL_PX), monoWidth(describeKey(node.config.routingKey), SMALL_PX)];
  if (node.kind === 'consumer') return [textWidth(`← ${to} ·`, SMALL_PX), textWidth(SUBLABEL_WORDS.manualAck, SMALL_PX)];
  return [0, 0];
}

/**
 * The box of `node`, as wide as its name needs; `link` (a producer's exchange, a consumer's queue)
 * makes it as tall as its sublabel needs to show whole.
 */
export function nodeSize(node: ScenarioNode, link?: string, broker?: ScenarioDocument['broker']): Size {
  const base = DEFAULT_SIZE[node.kind];
  if (node.kind === 'note') return base;
  let width = Math.min(MAX_WIDTH, Math.max(base.width, CHROME[node.kind] + textWidth(node.config.name, NAME_PX)));
  // A queue's feature letters stay on one line: each is a padded badge with a gap (a policy's, dashed, has a border too).
  if (node.kind === 'queue') {
    const letters = queueFeatures(node.config).reduce((w, f) => w + textWidth(f.abbr, SMALL_PX) + 12, 0);
    const policy = policyFeatures(broker, node.config).reduce((w, f) => w + textWidth(f.abbr, SMALL_PX) + 14, 0);
    width = Math.max(width, CHROME.queue + letters + policy);
  }
  if (node.kind === 'producer') {
    const rate = node.config.rate > 0 ? SUBLABEL_WORDS.rate.replace('{{rate}}', String(node.config.rate)) : SUBLABEL_WORDS.manualSends;
    width = Math.max(width, SUB_CHROME.producer! + textWidth(rate, SMALL_PX));
  }
  width = Math.ceil(width / 10) * 10;
  let height = base.height;
  const chrome = SUB_CHROME[node.kind];
  if (chrome) {
    const [a, b] = sublabelParts(node, link);
    const room = width - chrome;
    const lines = a + SMALL_PX / 3 + b <= room ? 1 : Math.ceil(a / room) + Math.ceil(b / room);
    height += (lines - 1) * SUB_LINE;
  }
  return { width: Math.ceil(width / 10) * 10, height };
}

const nameOf = (doc: Pick<ScenarioDocument, 'nodes'>, id: string | undefined): string | undefined => {
  const n = id ? doc.nodes.find((x) => x.id === id) : undefined;
  return n && n.kind !== 'note' ? n.config.name : undefined;
};

/** The name a producer's or consumer's sublabel shows: the exchange it publishes to, the queue it consumes from. */
export function linkOf(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, node: ScenarioNode): string | undefined {
  if (node.kind === 'producer') return nameOf(doc, doc.edges.find((e) => e.kind === 'publish' && e.source === node.id)?.target);
  if (node.kind === 'consumer') return nameOf(doc, doc.edges.find((e) => e.kind === 'consume' && e.target === node.id)?.source);
  return undefined;
}

/** The box of a node of `doc`, as the canvas draws it. */
export const nodeSizeIn = (doc: Pick<ScenarioDocument, 'nodes' | 'edges'> & Partial<Pick<ScenarioDocument, 'broker'>>, node: ScenarioNode): Size =>
  nodeSize(node, linkOf(doc, node), doc.broker);
