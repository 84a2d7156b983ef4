import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../text';
import type { TraceEvent } from '../../engine';
import { useSimulation } from '../../store/simulation';
import { useStore } from 'zustand';
import { messageStore, openMessage } from '../messages/store';
import { describeEvent, formatClock, type Names } from './describe';
import { countSetup, filterLog, visibleRange } from './filter';
import { messageIdOf, toneOf } from './kinds';
import { LogFilters } from './LogFilters';
import { Rich } from './Rich';
import { usePanel } from './store';
import { useNames } from './useNames';

/** Every row is this tall, so the visible window is arithmetic, not measurement. */
const ROW = 24;

const Row = memo(function Row({ e, top, names }: { e: TraceEvent; top: number; names: Names }) {
  const t = useText('simulation');
  const id = messageIdOf(e);
  const open = useStore(messageStore, (s) => id !== null && s.id === id);
  const kind = t(`kind.${e.type}`, { defaultValue: e.type });
  const body = (
    <>
      <span className="w-[9ch] shrink-0 font-mono text-zinc-500 tabular-nums dark:text-zinc-400">{formatClock(e.t)}</span>
      <span className={`w-[15ch] shrink-0 truncate font-medium ${toneOf(e)}`}>{kind}</span>
      <span className="w-[6ch] shrink-0 font-mono text-zinc-500 tabular-nums dark:text-zinc-400">{id === null ? '' : `#${id}`}</span>
      <Rich text={describeEvent(e, t, names)} className="min-w-0 flex-1 truncate text-zinc-800 dark:text-zinc-200" />
    </>
  );
  // Fixed size and contained: a row's new text lays out that row alone, not the page.
  const cls = 'absolute inset-x-0 flex items-center gap-3 px-3 text-left text-xs [contain:strict]';
  const common = { 'data-kind': e.type, 'data-t': e.t, 'data-seq': e.seq, 'data-id': id ?? undefined, style: { top, height: ROW } };
  return id === null || e.type === 'confirmed' ? (
    <div role="listitem" className={cls} {...common}>
      {body}
    </div>
  ) : (
    <button
      type="button"
      role="listitem"
      title={t('log.open', { id })}
      onClick={() => openMessage(id)}
      data-open={open || undefined}
      className={`${cls} cursor-pointer hover:bg-zinc-100 focus-visible:outline-none dark:hover:bg-zinc-800/70 ${open ? 'bg-accent-50 dark:bg-accent-700/20' : 'focus-visible:bg-zinc-100 dark:focus-visible:bg-zinc-800/70'}`}
      {...common}
    >
      {body}
    </button>
  );
});

/**
 * The event log: a window of fixed-height rows over the (up to 5,000) events, newest at the
 * bottom. It follows new events until the reader scrolls up, and offers a way back down.
 *
 * While a fast run plays it takes thousands of events ten times a second, so an update must
 * cost little: rows are keyed by their slot in the window (new events reuse the same elements),
 * and the scroll position and height are remembered rather than read back from the layout,
 * which would force the browser to lay out the whole page in the middle of a frame.
 */
export function EventLog() {
  const { t } = useTranslation('simulation');
  const log = useSimulation((s) => s.log);
  const map = useSimulation((s) => s.map);
  const playing = useSimulation((s) => s.playing);
  const filter = usePanel((s) => s.filter);
  const names = useNames();
  const rows = useMemo(() => filterLog(log, filter, map), [log, filter, map]);
  const setup = useMemo(() => countSetup(log), [log]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 200 });
  const [follow, setFollow] = useState(true);
  /** The scrollTop this component last wrote, or read in a scroll event. */
  const scrolled = useRef(0);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const height = entry.contentRect.height;
      setView((v) => (v.height === height ? v : { top: v.top, height }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Follow the newest event unless the reader scrolled up. A full log keeps its height, so most
  // updates write nothing at all.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !follow) return;
    const bottom = Math.max(0, rows.length * ROW - view.height);
    if (Math.abs(scrolled.current - bottom) > 1) {
      el.scrollTop = bottom;
      scrolled.current = bottom;
    }
    setView((v) => (v.top === bottom ? v : { top: bottom, height: v.height }));
  }, [rows, follow, view.height]);

  // The height is measured once on mount; the observer keeps it up to date after that.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) setView((v) => ({ top: v.top, height: el.clientHeight }));
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // A scroll event comes after layout, so reading here is free.
    const top = el.scrollTop;
    setView({ top, height: el.clientHeight });
    // The echo of the position this component wrote is not the reader scrolling away.
    if (Math.abs(top - scrolled.current) > 1) setFollow(top + el.clientHeight >= el.scrollHeight - ROW / 2);
    scrolled.current = top;
  }, []);

  // Following, the rows above the box only scroll away: a row of margin is enough, and each
  // refresh of a busy run rewrites every row in the page (8 either side made ~14 rows, not ~7).
  const [start, end] = visibleRange(view.top, view.height, ROW, rows.length, follow ? 1 : 8);
  const visible = [];
  for (let i = start; i < end; i++) visible.push(<Row key={i - start} e={rows[i]} top={i * ROW} names={names} />);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <LogFilters shown={rows.length} total={log.length} setup={setup} />
      <div className="relative min-h-0 flex-1">
        <div
          ref={scroller}
          onScroll={onScroll}
          role="list"
          aria-label={t('log.label')}
          // Scrollable by keyboard too (its rows are not focusable).
          tabIndex={0}
          data-testid="event-log"
          data-count={rows.length}
          data-total={log.length}
          data-following={follow}
          className="absolute inset-0 overflow-y-auto overscroll-contain"
        >
          <div style={{ height: rows.length * ROW }} className="relative">
            {visible}
          </div>
        </div>
        {rows.length === 0 && (
          <p className="pointer-events-none absolute inset-0 grid place-items-center text-sm text-zinc-500 dark:text-zinc-400">{log.length > (filter.setup ? 0 : setup) ? t('log.noMatch') : t(playing ? 'log.emptyPlaying' : 'log.empty')}</p>
        )}
        {!follow && (
          <button
            type="button"
            onClick={() => setFollow(true)}
            className="absolute right-4 bottom-2 rounded-full bg-zinc-900 px-3 py-1 text-xs font-medium text-white shadow-md hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
          >
            ↓ {t('log.latest')}
          </button>
        )}
      </div>
    </div>
  );
}
