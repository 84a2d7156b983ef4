import { memo } from 'react';
import { useText } from '../../text';

/** A queue's depth: ready and unacked counts and a bar, scaled to x-max-length when set. */
export const DepthBar = memo(function DepthBar({ ready, unacked, limit }: { ready: number; unacked: number; limit?: number }) {
  const t = useText('editor');
  const scale = Math.max(limit ?? 0, ready + unacked, 20);
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  return (
    <div className="relative mt-2 h-[30px] [contain:strict]">
      <div className="flex h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div className="bg-zinc-700 dark:bg-zinc-300" style={{ width: pct(ready) }} />
        <div className="bg-accent-500" style={{ width: pct(unacked) }} />
      </div>
      <div className="mt-1 flex gap-3 text-[13px] leading-[18px] text-zinc-500 tabular-nums dark:text-zinc-400">
        <span><b className="font-semibold text-zinc-900 dark:text-zinc-100">{ready}</b> {t('node.ready')}</span>
        <span><b className="font-semibold text-zinc-900 dark:text-zinc-100">{unacked}</b> {t('node.unacked')}</span>
        {limit !== undefined && <span className="ml-auto">/ {limit}</span>}
      </div>
    </div>
  );
});
