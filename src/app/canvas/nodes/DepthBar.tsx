import { memo } from 'react';
import { useText } from '../../text';
import { setText, setWidth, type Slot } from './live';

/**
 * A queue's depth: ready and unacked counts and a bar, scaled to x-max-length when set. Its
 * numbers and bar lengths are slots the queue's live writer fills (`writeDepth`), not props.
 */
export const DepthBar = memo(function DepthBar({ limit }: { limit?: number }) {
  const t = useText('editor');
  return (
    <div className="relative mt-2 h-[30px] [contain:strict]">
      <div className="flex h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div data-live="ready-bar" className="bg-zinc-700 dark:bg-zinc-300" />
        <div data-live="unacked-bar" className="bg-accent-500" />
      </div>
      <div className="mt-1 flex gap-3 text-[13px] leading-[18px] text-zinc-500 tabular-nums dark:text-zinc-400">
        <span><b data-live="ready" className="font-semibold text-zinc-900 dark:text-zinc-100" /> {t('node.ready')}</span>
        <span><b data-live="unacked" className="font-semibold text-zinc-900 dark:text-zinc-100" /> {t('node.unacked')}</span>
        {limit !== undefined && <span className="ml-auto">/ {limit}</span>}
      </div>
    </div>
  );
});

/** Fills a DepthBar's slots. */
export function writeDepth(slot: (name: string) => Slot | null, ready: number, unacked: number, limit?: number): void {
  const scale = Math.max(limit ?? 0, ready + unacked, 20);
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  setWidth(slot('ready-bar'), pct(ready));
  setWidth(slot('unacked-bar'), pct(unacked));
  setText(slot('ready'), String(ready));
  setText(slot('unacked'), String(unacked));
}
