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
  producer: { width: 180, height: 72 },
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

/**
 * A live count at its widest: four digits (`formatCount` shortens larger numbers: 12k, 1.2M), drawn
 * with tabular figures, which are at most 0.64 em wide in the usual interface fonts (DejaVu Sans,
 * one of the widest, 0.64; Segoe UI, Roboto, SF and Noto Sans 0.55–0.6).
 */
const COUNT_PX = Math.ceil(4 * 0.66 * SMALL_PX);

/**
 * The words beside a card's live counts, in the wider of English and Chinese (nodeSizes.test.ts
 * checks them against the locale files), so a card reserves the same room in both languages.
 */
export const COUNT_WORDS = { ready: '待投递', unacked: 'unacked', sent: 'sent', acked: 'acked', in: 'in', out: 'out' } as const;

/** The width of a count followed (or preceded) by `words`. */
export const countedWidth = (words: string): number => COUNT_PX + textWidth(words, SMALL_PX);

/** Lines taken by pieces of text kept whole, set side by side `gap` apart and wrapped at `room`. */
export function lineCount(widths: readonly number[], room: number, gap: number): number {
  let lines = 1;
  let used = -gap;
  for (const w of widths) {
    if (used >= 0 && used + gap + w > room) {
      lines += 1;
      used = w;
    } else used += gap + w;
  }
  return lines;
}

/**
 * The live counts a card shows, as pieces that wrap whole (their widths at their largest), the
 * gap between them and the card's room beside them, or null for a kind without counts.
 */
function countPieces(node: ScenarioNode): { widths: number[]; gap: number; chrome: number; stacked?: true } | null {
  switch (node.kind) {
    case 'queue': {
      const limit = node.config.arguments['x-max-length'];
      return { widths: [countedWidth(`${limit === undefined ? '' : `/${limit}`} ${COUNT_WORDS.ready}`), countedWidth(` ${COUNT_WORDS.unacked}`)], gap: 12, chrome: QUEUE_PADDING };
    }
    case 'producer': {
      const rate = node.config.rate > 0 ? SUBLABEL_WORDS.rate.replace('{{rate}}', String(node.config.rate)) : SUBLABEL_WORDS.manualSends;
      const marks = [...(node.config.confirm ? ['✓', '✗'] : []), ...(node.config.mandatory ? ['↩'] : [])].map(countedWidth);
      return { widths: [textWidth(rate, SMALL_PX), countedWidth(` ${COUNT_WORDS.sent}`), ...marks], gap: 8, chrome: SUB_CHROME.producer! };
    }
    case 'consumer': {
      const prefetch = node.config.prefetch > 0 ? String(node.config.prefetch) : '∞';
      return { widths: [countedWidth(`/${prefetch} ${COUNT_WORDS.unacked}`), countedWidth('✓')], gap: 8, chrome: SUB_CHROME.consumer! };
    }
    case 'exchange':
      // in over out, always: the hexagon holds two lines
      return { widths: [countedWidth(` ${COUNT_WORDS.in}`), countedWidth(` ${COUNT_WORDS.out}`)], gap: 0, chrome: CHROME.exchange, stacked: true };
    default:
      return null;
  }
}

/** How many lines a card's live counts take at their largest (the card draws them in that many). */
export function countLines(node: ScenarioNode, width: number): number {
  const pieces = countPieces(node);
  if (!pieces) return 0;
  return pieces.stacked ? pieces.widths.length : lineCount(pieces.widths, width - pieces.chrome, pieces.gap);
}

/** Lines of counts a kind's smallest box already holds (an exchange's hexagon has room for two). */
const COUNT_LINES_IN_BASE: Partial<Record<NodeKind, number>> = { queue: 1, producer: 1, consumer: 1, exchange: 2 };

/** A queue card's padding left and right of its text (pl-5 pr-8). */
const QUEUE_PADDING = 52;

/** Room beside a sublabel: padding, glyph, gap, border. */
const SUB_CHROME: Partial<Record<NodeKind, number>> = { producer: 86, consumer: 80 };
const SUB_LINE = 18;
const monoWidth = (text: string, px: number) => Math.ceil([...text].length * 0.62 * px);

/**
 * The two parts of a producer's or consumer's sublabel (`link`: the exchange it publishes to, the
 * queue it consumes from): "→ exchange" and "· routing key", "← queue" and "· ack mode". The
 * canvas shows both on one line when they fit the box, else one under the other, each wrapping
 * onto as many lines as it needs: the box grows taller, never wider, so the path stays short.
 */
function sublabelParts(node: ScenarioNode, link: string | undefined): [number, number, (room: number) => number] {
  const to = link ?? SUBLABEL_WORDS.unconnected;
  const a = textWidth(`→ ${to}`, SMALL_PX);
  const wrap = (w: number) => (room: number) => Math.ceil(w / room);
  if (node.kind === 'producer') {
    const dot = textWidth('· ', SMALL_PX);
    const pieces = keyPieces(describeKey(node.config.routingKey)).map((p, i) => (i === 0 ? dot : 0) + monoWidth(p, SMALL_PX));
    const b = pieces.reduce((x, y) => x + y, 0);
    // A key breaks only after its dots (and the like): pieces that fit go on a line together.
    return [a, b, (room) => pieces.reduce((lines, w) => lines + Math.max(0, Math.ceil(w / room) - 1), lineCount(pieces.map((w) => Math.min(w, room)), room, 0))];
  }
  if (node.kind === 'consumer') {
    const b = textWidth(`· ${SUBLABEL_WORDS.manualAck}`, SMALL_PX);
    return [a, b, wrap(b)];
  }
  return [0, 0, () => 0];
}

/**
 * A routing key cut where the canvas lets it break: after each dot, dash, slash or underscore, and
 * before " (+7)"; a piece too long for a line still breaks anywhere.
 */
export const keyPieces = (key: string): string[] => key.split(/(?<=[.\-/_])|(?= \()/).filter(Boolean);

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
  // Each piece of the counts fits on a line of its own at least.
  const counts = countPieces(node);
  if (counts) width = Math.max(width, counts.chrome + Math.max(...counts.widths));
  width = Math.ceil(width / 10) * 10;
  let height = base.height;
  const chrome = SUB_CHROME[node.kind];
  if (chrome) {
    const [a, b, keyLines] = sublabelParts(node, link);
    const room = width - chrome;
    const lines = a + SMALL_PX / 3 + b <= room ? 1 : Math.ceil(a / room) + keyLines(room);
    height += (lines - 1) * SUB_LINE;
  }
  height += Math.max(0, countLines(node, width) - (COUNT_LINES_IN_BASE[node.kind] ?? 0)) * SUB_LINE;
  return { width, height };
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
