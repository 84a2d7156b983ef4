/**
 * Node sizes as a pure function of the node, used both by the layout and by the node components
 * (as their width and minimum height). One source means the layout engine plans with the boxes
 * the canvas draws, in Node (tests, the preset script) and in the browser alike, and a name is
 * never cut: the box grows with it.
 */
import type { NodeKind, ScenarioNode } from '../../scenario/schema';
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

export function nodeSize(node: ScenarioNode): Size {
  const base = DEFAULT_SIZE[node.kind];
  if (node.kind === 'note') return base;
  let width = Math.min(MAX_WIDTH, Math.max(base.width, CHROME[node.kind] + textWidth(node.config.name, NAME_PX)));
  // A queue's feature letters stay on one line: each is a padded badge with a gap.
  if (node.kind === 'queue') width = Math.max(width, CHROME.queue + queueFeatures(node.config).reduce((w, f) => w + textWidth(f.abbr, SMALL_PX) + 12, 0));
  return { width: Math.ceil(width / 10) * 10, height: base.height };
}
