import { memo } from 'react';
import { useText } from '../../text';
import { formatCount, setText, setWidth, type Slot } from './live';

/**
 * A queue's depth: a bar, scaled to x-max-length when set, over its ready and unacked counts,
 * "3/5 ready" with a limit (x-max-length counts ready messages only). Its numbers and bar lengths
 * are slots the queue's live writer fills (`writeDepth`), not props; the counts wrap whole onto the
 * `lines` the queue's box reserves for them at their largest (nodeSizes.ts `countLines`).
 */
export const DepthBar = memo(function DepthBar({ limit, lines }: { limit?: number; lines: number }) {
  const t = useText('editor');
  return (
    <div className="relative mt-2 [contain:strict]" style={{ height: 12 + 18 * lines }}>
      <div className="flex h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div data-live="ready-bar" className="bg-zinc-700 dark:bg-zinc-300" />
        <div data-live="unacked-bar" className="bg-accent-500" />
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 text-[13px] leading-[18px] whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">
        <span>
          <b data-live="ready" className="font-semibold text-zinc-900 dark:text-zinc-100" />
          {limit !== undefined && `/${limit}`} {t('node.ready')}
        </span>
        <span><b data-live="unacked" className="font-semibold text-zinc-900 dark:text-zinc-100" /> {t('node.unacked')}</span>
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
  setText(slot('ready'), formatCount(ready));
  setText(slot('unacked'), formatCount(unacked));
}
