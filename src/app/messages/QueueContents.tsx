/**
 * "Messages in this queue" for the queue inspector: what the broker holds now, ready messages in
 * the order they will be delivered, then the unacked ones with the consumer holding them. Each
 * opens in the message inspector. Asked of the worker with the page's refreshes while the run plays
 * (at most twice a second) and after every step; never kept in the document.
 *
 * A busy queue lists up to 200 messages and most of them change between two answers, so each
 * answer must cost little: only the rows in the list's box (and a few either side) are in the
 * page, each of a fixed height, keyed by its place in the list (the same elements take the new
 * messages' text, none are created or removed), with texts from a few translations made once per
 * language. All 200 rows in the page made each answer a style and layout of ~600 elements.
 */
import { memo, useCallback, useEffect, useMemo, useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldMessage } from '../../engine';
import type { QueueContentsReply } from '../../worker/protocol';
import { simulationStore, useSimulation } from '../../store/simulation';
import { useStore } from 'zustand';
import { formatClock } from '../log/describe';
import { visibleRange } from '../log/filter';
import { useNames } from '../log/useNames';
import { simulation } from '../sim/bridge';
import { messageStore, openMessage } from './store';

const REFRESH_MS = 500;
/** Every row is this tall (a 24 px line and its border), so the window is arithmetic. */
const ROW = 25;
/** The list's box (Tailwind max-h-72). */
const BOX = 288;
/** Rows kept in the page beyond the box, either side: a short list is all there. */
const OVERSCAN = 4;

type Item = { m: HeldMessage; position?: number } | { more: number };

export function QueueContents({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  // Paused, ask again whenever the clock moves (a step); playing, every REFRESH_MS. (Not the
  // clock itself: while playing it moves with every refresh, and this list need not re-render then.)
  const pausedAt = useSimulation((s) => (s.playing ? -1 : s.t));
  const playing = useSimulation((s) => s.playing);
  const generation = useSimulation((s) => s.generation);
  const [reply, setReply] = useState<QueueContentsReply | null>(null);
  useEffect(() => {
    let live = true;
    let askedAt = 0;
    const ask = () => {
      askedAt = performance.now();
      void simulation().peek(id).then((r) => live && setReply(r));
    };
    ask();
    // Playing: again with the page's refreshes, at most every REFRESH_MS, so a page that spaces its
    // refreshes out (app/sim/refreshPacer.ts) redraws this list less often too.
    const off = playing ? simulationStore.subscribe((s, prev) => s.t !== prev.t && performance.now() - askedAt >= REFRESH_MS && ask()) : undefined;
    return () => {
      live = false;
      off?.();
    };
  }, [id, playing, pausedAt, generation]);

  // Asked once here, not per row: a queue can list 200 messages, twice a second.
  const names = useNames();
  const openId = useStore(messageStore, (s) => s.id);
  const holderOf = (m: HeldMessage) => (m.channel === undefined ? undefined : (names.channel(m.channel) ?? m.consumerTag));
  const texts = useMemo(() => rowTexts(t), [t]);
  const [top, setTop] = useState(0);
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop), []);
  const contents = reply?.queue === id ? reply.contents : null;
  const items = useMemo(() => (contents ? itemsOf(contents) : []), [contents]);
  if (!contents) return <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('held.none')}</p>;
  const { readyTotal, unackedTotal } = contents;
  return (
    <div data-testid="queue-contents" data-ready={readyTotal} data-unacked={unackedTotal} className="flex flex-col gap-2">
      {/* New twice a second while playing: a line of fixed height, laid out on its own (a flex item cannot be). */}
      <div>
        <p className="h-4 truncate text-xs leading-4 text-zinc-600 tabular-nums [contain:strict] dark:text-zinc-300">
          {t('held.counts', { ready: readyTotal, unacked: unackedTotal })} · {formatClock(reply!.t)}
        </p>
      </div>
      {readyTotal + unackedTotal === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('held.empty')}</p>
      ) : (
        <div onScroll={onScroll} className="max-h-72 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800">
          <ol className="relative" style={{ height: items.length * ROW }} aria-label={t('held.title')}>
            {rowsInView(items, top).map(([item, i]) => {
              const place = { top: i * ROW, index: i + 1, of: items.length };
              return 'more' in item ? (
                <More key={i} n={item.more} place={place} />
              ) : (
                <Held key={i} m={item.m} now={reply!.t} position={item.position} open={openId === item.m.id} holder={holderOf(item.m)} texts={texts} place={place} />
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}

/** Ready messages in delivery order, then the unacked ones, each group with how many more the broker holds than it listed. */
function itemsOf(c: NonNullable<QueueContentsReply['contents']>): Item[] {
  const items: Item[] = c.ready.map((m, i) => ({ m, position: i + 1 }));
  if (c.readyTotal > c.ready.length) items.push({ more: c.readyTotal - c.ready.length });
  for (const m of c.unacked) items.push({ m });
  if (c.unackedTotal > c.unacked.length) items.push({ more: c.unackedTotal - c.unacked.length });
  return items;
}

/** The items in or near the list's box, with their index. */
function rowsInView(items: Item[], top: number): [Item, number][] {
  const [start, end] = visibleRange(top, BOX, ROW, items.length, OVERSCAN);
  const out: [Item, number][] = [];
  for (let i = start; i < end; i++) out.push([items[i], i]);
  return out;
}

/** Where a row sits: its top, and its place among all rows (for assistive technology, which sees only the rows in the page). */
interface Place {
  top: number;
  index: number;
  of: number;
}

const ROW_CLASS = 'absolute inset-x-0 border-b border-zinc-100 last:border-b-0 [contain:strict] dark:border-zinc-800/70';
const rowStyle = (p: Place) => ({ top: p.top, height: ROW });

function More({ n, place }: { n: number; place: Place }) {
  const { t } = useTranslation('inspector');
  return (
    <li aria-posinset={place.index} aria-setsize={place.of} style={rowStyle(place)} className={`${ROW_CLASS} px-2 py-1 text-[11px] text-zinc-500 dark:text-zinc-400`}>
      {t('held.more', { count: n })}
    </li>
  );
}

/** The rows' fixed texts, translated once per language rather than once per row and answer. */
interface RowTexts {
  /** "Open message #{{id}} …" with ID_MARK where the id goes. */
  open: string;
  priority: string;
  redelivered: string;
  expires: string;
  unackedBy: string;
  get: string;
}

const ID_MARK = '\u0000id\u0000';

function rowTexts(t: (key: string, opts?: Record<string, unknown>) => string): RowTexts {
  return {
    open: t('held.open', { id: ID_MARK, interpolation: { escapeValue: false } }),
    priority: t('held.priority'),
    redelivered: t('held.redelivered'),
    expires: t('held.expires'),
    unackedBy: t('held.unackedBy'),
    get: t('held.get'),
  };
}

interface HeldProps {
  m: HeldMessage;
  now: number;
  position?: number;
  open: boolean;
  holder: string | undefined;
  texts: RowTexts;
  place: Place;
}

/** Each answer brings new message objects: a row re-renders only when what it shows changed. */
const sameRow = (a: HeldProps, b: HeldProps) =>
  a.m.id === b.m.id &&
  a.m.routingKey === b.m.routingKey &&
  a.m.priority === b.m.priority &&
  a.m.redelivered === b.m.redelivered &&
  a.m.expiresAt === b.m.expiresAt &&
  (a.m.expiresAt === null || a.now === b.now) &&
  a.position === b.position &&
  a.open === b.open &&
  a.holder === b.holder &&
  a.texts === b.texts &&
  a.place.top === b.place.top &&
  a.place.of === b.place.of;

/** One message: its id, key and what matters about it now; ready ones with their place in line. */
const Held = memo(function Held({ m, now, position, open, holder, texts, place }: HeldProps) {
  return (
    <li aria-posinset={place.index} aria-setsize={place.of} style={rowStyle(place)} className={ROW_CLASS}>
      <button
        type="button"
        data-held={m.id}
        data-state={position === undefined ? 'unacked' : 'ready'}
        onClick={() => openMessage(m.id)}
        title={texts.open.replace(ID_MARK, String(m.id))}
        className={`flex w-full items-center gap-2 px-2 py-1 text-left text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800/70 ${open ? 'bg-accent-50 dark:bg-accent-700/20' : ''}`}
      >
        <span className="w-[3ch] shrink-0 text-right text-[11px] text-zinc-500 dark:text-zinc-400 tabular-nums">{position ?? ''}</span>
        <span className="w-[6ch] shrink-0 font-mono text-zinc-500 tabular-nums dark:text-zinc-400">#{m.id}</span>
        <span className="min-w-0 flex-1 truncate font-mono text-zinc-800 dark:text-zinc-100">{m.routingKey || '""'}</span>
        {m.priority > 0 && <Tag title={texts.priority}>P{m.priority}</Tag>}
        {m.redelivered && <Tag title={texts.redelivered}>↻</Tag>}
        {m.expiresAt !== null && <Tag title={texts.expires}>TTL {Math.max(0, Math.ceil((m.expiresAt - now) / 1000))}s</Tag>}
        {holder !== undefined && (
          <span className="shrink-0 truncate text-[11px] text-accent-700 dark:text-accent-300" title={texts.unackedBy}>
            → {holder || texts.get}
          </span>
        )}
      </button>
    </li>
  );
}, sameRow);

function Tag({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <span title={title} className="shrink-0 rounded bg-zinc-100 px-1 text-[10px] font-semibold text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-300">
      {children}
    </span>
  );
}
