/** Small line icons for node kinds and exchange types (24×24, currentColor). */
import type { ExchangeType } from '../../../scenario/schema';

const svg = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const ProducerGlyph = () => (
  <svg {...svg} aria-hidden><path d="M5 12h12" /><path d="m13 6 6 6-6 6" /></svg>
);
export const ConsumerGlyph = () => (
  <svg {...svg} aria-hidden><path d="M3 12h10" /><path d="m9 7 5 5-5 5" /><path d="M18 4v16" /></svg>
);
export const QueueGlyph = () => (
  <svg {...svg} aria-hidden><rect x="3" y="7" width="18" height="10" rx="5" /><path d="M8 7v10M13 7v10" /></svg>
);
export const NoteGlyph = () => (
  <svg {...svg} aria-hidden><path d="M5 4h10l4 4v12H5z" /><path d="M9 12h6M9 16h4" /></svg>
);

const PATHS: Record<ExchangeType, React.ReactNode> = {
  direct: <><path d="M4 12h14" /><path d="m14 7 5 5-5 5" /></>,
  fanout: <><path d="M4 12h6" /><path d="M10 12l9-7M10 12h9M10 12l9 7" /></>,
  topic: <><path d="M9 4 7 20M17 4l-2 16M4 9h16M3 15h16" /></>,
  headers: <><path d="M8 4c-2 0-3 1-3 3v2c0 1.5-1 3-2 3 1 0 2 1.5 2 3v2c0 2 1 3 3 3" /><path d="M16 4c2 0 3 1 3 3v2c0 1.5 1 3 2 3-1 0-2 1.5-2 3v2c0 2-1 3-3 3" /></>,
};

export const ExchangeGlyph = ({ type }: { type: ExchangeType }) => <svg {...svg} aria-hidden>{PATHS[type]}</svg>;

/** Palette entry for an exchange: a hexagon outline. */
export const ExchangeShapeGlyph = () => (
  <svg {...svg} aria-hidden><path d="M7 4h10l5 8-5 8H7l-5-8z" /></svg>
);

/** Per-type colours, as Tailwind classes (text for icons and labels, bg for the badge). */
export const EXCHANGE_TONE: Record<ExchangeType, { text: string; bg: string; stroke: string }> = {
  direct: { text: 'text-x-direct', bg: 'bg-x-direct', stroke: 'var(--color-x-direct)' },
  fanout: { text: 'text-x-fanout', bg: 'bg-x-fanout', stroke: 'var(--color-x-fanout)' },
  topic: { text: 'text-x-topic', bg: 'bg-x-topic', stroke: 'var(--color-x-topic)' },
  headers: { text: 'text-x-headers', bg: 'bg-x-headers', stroke: 'var(--color-x-headers)' },
};
