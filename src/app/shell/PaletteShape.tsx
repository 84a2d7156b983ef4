import type { NodeKind } from '../../scenario/schema';
import { ConsumerGlyph, ProducerGlyph } from '../canvas/nodes/glyphs';

/** A node kind drawn small, in the same shape it has on the canvas. */
export function PaletteShape({ kind }: { kind: NodeKind }) {
  switch (kind) {
    case 'producer':
      return (
        <span className="flex h-7 w-12 items-center rounded-full border border-zinc-300 bg-white pl-0.5 dark:border-zinc-600 dark:bg-zinc-900">
          <span className="grid size-5.5 place-items-center rounded-full bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900 [&>svg]:size-3.5">
            <ProducerGlyph />
          </span>
        </span>
      );
    case 'exchange':
      return (
        <svg width="48" height="28" viewBox="0 0 48 28" aria-hidden>
          <polygon points="8,1 40,1 47,14 40,27 8,27 1,14" className="fill-white dark:fill-zinc-900" stroke="var(--color-x-direct)" strokeWidth="1.75" strokeLinejoin="round" />
          <rect x="17" y="8" width="14" height="12" rx="3" fill="var(--color-x-direct)" />
        </svg>
      );
    case 'queue':
      return (
        <svg width="48" height="28" viewBox="0 0 48 28" aria-hidden>
          <path d="M6 1 H42 A5 13 0 0 1 42 27 H6 A5 13 0 0 1 6 1 Z" className="fill-white stroke-zinc-400 dark:fill-zinc-900 dark:stroke-zinc-500" strokeWidth="1.5" />
          <path d="M42 1 A5 13 0 0 0 42 27" fill="none" className="stroke-zinc-300 dark:stroke-zinc-600" strokeWidth="1.2" />
          <rect x="9" y="17" width="16" height="4" rx="2" className="fill-zinc-700 dark:fill-zinc-300" />
          <rect x="25" y="17" width="7" height="4" rx="2" fill="var(--color-accent-500)" />
        </svg>
      );
    case 'consumer':
      return (
        <span className="flex h-7 w-12 items-center rounded-lg border-2 border-zinc-300 bg-white pl-0.5 dark:border-zinc-600 dark:bg-zinc-900">
          <span className="grid size-5 place-items-center rounded bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200 [&>svg]:size-3.5">
            <ConsumerGlyph />
          </span>
        </span>
      );
    case 'note':
      return <span className="block h-7 w-10 rounded-sm border border-amber-200 bg-amber-50 shadow-sm dark:border-amber-900/60 dark:bg-[#2a2619]" />;
  }
}
