import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulation } from '../../store/simulation';
import { formatClock } from '../log/describe';
import { seek } from './control';
import { MARK_SLOTS, markSlots } from './markSlots';

/**
 * The Run time scrubber: any instant of the run up to the furthest reached, by mouse or keyboard
 * (a native range: arrows, Page Up/Down, Home, End), with marks for notable events. A drag goes
 * there when released, a key press at once: each seek replays the run (worker/time-travel.ts).
 */
export const RunTime = memo(function RunTime() {
  const { t } = useTranslation('simulation');
  const now = useSimulation((s) => s.t);
  const furthest = useSimulation((s) => s.furthest);
  const marks = useSimulation((s) => s.marks);
  const [draft, setDraft] = useState<number | null>(null);
  useEffect(() => setDraft(null), [now]);
  const end = Math.max(furthest, now);
  const value = draft ?? now;
  const go = (ms: number) => {
    if (ms !== now) seek(ms);
  };
  return (
    <div className="relative h-8 min-w-[4rem] flex-1" data-testid="run-time">
      {/* Laid out on its own (out of flow, size and layout contained): the thumb moves with every
          refresh, and a range input's change otherwise lays out the whole page again. */}
      <div className="absolute inset-0 flex items-center [contain:size_layout_style]">
        <input
          type="range"
          min={0}
          max={end}
          step={Math.max(1, Math.round(end / 100))}
          value={value}
          aria-label={t('transport.runTime')}
          aria-valuetext={t('transport.runTimeValue', { at: formatClock(value), end: formatClock(end) })}
          title={t('transport.runTimeHint')}
          data-furthest={end}
          disabled={end <= 0}
          onChange={(e) => setDraft(Number(e.target.value))}
          onPointerUp={(e) => go(Number(e.currentTarget.value))}
          // The range snaps to its step; End means the furthest instant itself.
          onKeyUp={(e) => go(e.key === 'End' ? end : e.key === 'Home' ? 0 : Number(e.currentTarget.value))}
          className="h-1.5 w-full cursor-pointer accent-accent-500 disabled:cursor-default"
        />
        {end > 0 &&
          markSlots(marks, end).map(({ slot, kind, first, last, count, steps }) => {
            const label =
              count === 1
                ? t(`transport.mark.${kind}`, { at: formatClock(first.t), step: (first.step ?? 0) + 1 })
                : t(`transport.marks.${kind}`, { count, from: formatClock(first.t), to: formatClock(last.t), steps: steps.join(', ') });
            return (
              <button
                key={`${kind}-${slot}`}
                type="button"
                data-mark={kind}
                aria-label={label}
                title={label}
                onClick={() => seek(first.t, first.seq)}
                style={{ left: `${((slot + 0.5) / MARK_SLOTS) * 100}%` }}
                className={`absolute top-0 h-2 w-1.5 -translate-x-1/2 rounded-sm ${MARK_COLOR[kind]}`}
              />
            );
          })}
      </div>
    </div>
  );
});

const MARK_COLOR: Record<string, string> = {
  'dead-lettered': 'bg-violet-500',
  returned: 'bg-amber-500',
  expired: 'bg-zinc-400',
  alarm: 'bg-red-500',
  'node-down': 'bg-red-700',
  lesson: 'bg-green-500',
};
