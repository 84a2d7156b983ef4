import { memo, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { useSimulation } from '../../store/simulation';
import { displayShortcut } from '../actions/keys';
import { formatClock } from '../log/describe';
import { pause, play, reset, setSeed, setSpeed, SPEEDS, step, stepBack } from './control';
import { shortfall } from '../sim/achievedSpeed';
import { IconInfo, IconPause, IconPlay, IconReset, IconStep, IconStepBack } from './icons';
import { RunTime } from './RunTime';

const btn =
  'inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none';
const quiet = `${btn} text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800`;
const field =
  'h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm tabular-nums text-zinc-900 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** The virtual clock: the one part of the bar that changes every frame. */
const Clock = memo(function Clock() {
  const { t } = useTranslation('simulation');
  const ms = useSimulation((s) => s.t);
  return (
    <output
      data-testid="clock"
      data-t={ms}
      aria-label={t('transport.clock')}
      title={t('transport.clock')}
      className="shrink-0 rounded-md bg-zinc-100 px-2 py-1 font-mono text-[15px] leading-5 font-semibold text-zinc-900 tabular-nums dark:bg-zinc-900 dark:text-zinc-50"
    >
      {/* Contained and fixed in size: the clock changes ten times a second without laying out the page. */}
      <span className="block h-5 w-[10ch] text-center [contain:strict]">{formatClock(ms)}</span>
    </output>
  );
});

function SeedField() {
  const { t } = useTranslation('simulation');
  const seed = useDocument((s) => s.doc.seed);
  const [draft, setDraft] = useState(String(seed));
  useEffect(() => setDraft(String(seed)), [seed]);
  const commit = () => {
    const n = Number(draft);
    if (draft.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff) setSeed(n);
    else setDraft(String(seed));
  };
  return (
    <label className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400" title={t('transport.seedHint')}>
      {/* A narrow bar keeps the field and its accessible name, not the visible word. */}
      <span className="sr-only @6xl:not-sr-only">{t('transport.seed')}</span>
      <input
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        data-testid="seed"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(String(seed));
        }}
        className={`${field} w-[4.5rem] @6xl:w-[6.5rem]`}
      />
    </label>
  );
}

function SpeedField() {
  const { t } = useTranslation('simulation');
  const speed = useDocument((s) => s.doc.settings.speed);
  const options: number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? [...SPEEDS] : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    // The shortfall sits on the select's corner, out of the bar's flow: the bar has no width to spare at 1280 px.
    <span className="relative flex shrink-0">
      <label className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400" title={t('transport.speedHint')}>
        <span className="hidden @6xl:inline">{t('transport.speed')}</span>
        <select data-testid="speed" value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))} className={`${field} pr-1`}>
          {options.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <Shortfall />
    </span>
  );
}

/** On the speed field's corner: the speed this machine keeps, where it falls short of the one asked. */
function Shortfall() {
  const { t } = useTranslation('simulation');
  const asked = useDocument((s) => s.doc.settings.speed);
  const achieved = useSimulation((s) => (s.playing ? shortfall(s.achievedSpeed, asked) : null));
  if (achieved === null) return null;
  const hint = t('transport.shortfallHint', { achieved, speed: asked });
  return (
    <span
      data-testid="speed-shortfall"
      title={hint}
      className="absolute -top-2 right-1 rounded border border-amber-300 bg-amber-50 px-1 text-[10px] leading-[14px] font-medium tabular-nums text-amber-800 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-300"
    >
      <span aria-hidden>≈{achieved}×</span>
      <span className="sr-only">{hint}</span>
    </span>
  );
}

/**
 * Play/pause, step, reset, the clock, speed and seed. Everything here is also reachable from the
 * keyboard (Space, →) through registered actions.
 */
export function TransportBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('simulation');
  const playing = useSimulation((s) => s.playing);
  const problem = useSimulation((s) => s.problem);
  return (
    <div role="toolbar" aria-label={t('transport.label')} className="flex h-12 items-center gap-2 px-2 @4xl:gap-3">
      <div className="flex shrink-0 items-center gap-1">
        <button
          type="button"
          data-testid="play"
          aria-label={playing ? t('transport.pause') : t('transport.play')}
          title={`${t('transport.playHint')}`}
          onClick={playing ? pause : play}
          className={`${btn} w-[5.75rem] justify-center bg-accent-600 text-white shadow-sm hover:bg-accent-700`}
        >
          {playing ? <IconPause /> : <IconPlay />}
          <span aria-hidden>{playing ? t('transport.pause') : t('transport.play')}</span>
        </button>
        <button type="button" aria-label={t('transport.stepBack')} title={t('transport.stepBackHint')} onClick={stepBack} className={quiet}>
          <IconStepBack />
          {/* its words only on a wide bar: the Run time scrubber needs the room */}
          <span aria-hidden className="hidden @6xl:inline">{t('transport.stepBack')}</span>
          <kbd aria-hidden className="hidden font-sans text-[11px] text-zinc-400 @7xl:inline">{displayShortcut('ArrowLeft')}</kbd>
        </button>
        <button type="button" aria-label={t('transport.step')} title={t('transport.stepHint')} onClick={step} className={quiet}>
          <IconStep />
          <span aria-hidden className="hidden @5xl:inline">{t('transport.step')}</span>
          <kbd aria-hidden className="hidden font-sans text-[11px] text-zinc-500 dark:text-zinc-400 @5xl:inline">{displayShortcut('ArrowRight')}</kbd>
        </button>
        <button type="button" aria-label={t('transport.reset')} title={t('transport.resetHint')} onClick={reset} className={quiet}>
          <IconReset />
          <span aria-hidden className="hidden @5xl:inline">{t('transport.reset')}</span>
        </button>
      </div>
      <Clock />
      <RunTime />
      <div className="flex items-center gap-2 @4xl:gap-3">
        <SpeedField />
        <SeedField />
      </div>
      {/* The Run time scrubber takes the bar's spare width: the note's words show only on a wide bar, on one line. */}
      <span
        className="flex shrink-0 items-center gap-1 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400"
        title={t('transport.editNoteHint')}
        data-testid="edit-note"
      >
        <IconInfo />
        <span className="sr-only @7xl:hidden">{t('transport.editNote')}</span>
        <span className="hidden @7xl:inline">{t('transport.editNote')}</span>
      </span>
      {problem && (
        <span role="status" title={problem} className="max-w-[24rem] truncate rounded bg-red-50 px-2 py-1 text-xs text-red-700 dark:bg-red-500/15 dark:text-red-300">
          {t('transport.problem')}: {problem}
        </span>
      )}
      <div className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap">{children}</div>
    </div>
  );
}
