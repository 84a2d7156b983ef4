/**
 * Cluster marks on canvas nodes: where a queue lives (home node, or the quorum leader with a
 * crown, members and mirrors with their sync state, why it is unavailable), and the node a
 * producer or consumer is connected to (or that its connection dropped). Positioned against the
 * React Flow node, outside the node's own layout; nothing is drawn for a single-node broker.
 */
import { useEffect, useRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterQueueStatus } from '../../worker/cluster-protocol';
import { shortNode, useCluster } from './store';

const PULSE: Keyframe[] = [
  { transform: 'scale(1)', filter: 'drop-shadow(0 0 0 rgb(234 179 8 / 0))' },
  { transform: 'scale(1.7)', filter: 'drop-shadow(0 0 6px rgb(234 179 8 / 0.9))' },
  { transform: 'scale(1)', filter: 'drop-shadow(0 0 0 rgb(234 179 8 / 0))' },
];

function Crown({ pulseAt, electing }: { pulseAt: number | undefined; electing: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (pulseAt && performance.now() - pulseAt < 1000) ref.current?.animate?.(PULSE, { duration: 900, easing: 'ease-out' });
  }, [pulseAt]);
  return (
    <span ref={ref} aria-hidden className={`inline-block ${electing ? 'animate-pulse opacity-50' : ''}`}>
      ♛
    </span>
  );
}

function Pill({ name, up, synced, title }: { name: string; up: boolean; synced?: boolean; title: string }) {
  return (
    <span
      title={title}
      className={`rounded px-1 leading-4 ${
        !up
          ? 'bg-zinc-200 text-zinc-500 line-through dark:bg-zinc-800 dark:text-zinc-400'
          : synced === false
            ? 'border border-dashed border-amber-500 text-amber-700 dark:text-amber-300'
            : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'
      }`}
    >
      {shortNode(name)}
    </span>
  );
}

export const QueueClusterBadge = memo(function QueueClusterBadge({ id }: { id: string }) {
  const { t } = useTranslation('cluster');
  const q: ClusterQueueStatus | undefined = useCluster((s) => s.status?.queues[id]);
  const up = useCluster((s) => s.status?.nodes);
  const pulseAt = useCluster((s) => s.moved[id]);
  if (!q) return null;
  const isUp = (n: string) => up?.some((x) => x.name === n && x.up) ?? true;
  const quorum = q.type === 'quorum';
  const others = quorum ? (q.members ?? []).filter((m) => m !== q.node) : (q.mirrors ?? []);
  const unavailable = q.state !== 'live';
  return (
    <>
      {unavailable && <div aria-hidden className="pointer-events-none absolute inset-0 rounded-[14px] bg-zinc-400/35 dark:bg-zinc-950/55" />}
      <div
        data-cluster-queue
        data-node={q.node}
        data-leader={quorum ? q.node : undefined}
        data-members={quorum ? (q.members ?? []).join(',') : undefined}
        data-mirrors={q.mirrors?.join(',')}
        data-state={q.state}
        className="absolute top-full left-3 mt-1 flex w-[300px] flex-col gap-1 text-[11px] font-medium"
      >
        <div className="flex flex-wrap items-center gap-1">
          <span
            title={quorum ? t('leaderHint') : t('homeHint')}
            className={`flex items-center gap-0.5 rounded px-1 leading-4 font-semibold ${
              q.state === 'down' ? 'bg-zinc-300 text-zinc-500 dark:bg-zinc-700 dark:text-zinc-400' : 'bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200'
            }`}
          >
            {quorum || q.mirrors ? <Crown pulseAt={pulseAt} electing={!!q.electing} /> : <span aria-hidden>⌂</span>}
            {shortNode(q.node)}
          </span>
          {others.map((m) => (
            <Pill
              key={m}
              name={m}
              up={isUp(m)}
              synced={quorum ? undefined : (q.syncMirrors ?? []).includes(m)}
              title={quorum ? t('memberHint', { node: m }) : (q.syncMirrors ?? []).includes(m) ? t('syncedHint', { node: m }) : t('unsyncedHint', { node: m })}
            />
          ))}
          {q.electing && <span className="text-amber-700 dark:text-amber-300">{t('electing')}</span>}
        </div>
        {q.reason && (
          <p data-cluster-reason className="rounded border border-red-200 bg-red-50 px-1.5 py-0.5 leading-4 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
            {q.state === 'down' ? `404 NOT_FOUND – ${q.reason}` : q.reason}
          </p>
        )}
      </div>
    </>
  );
});

export const AgentClusterBadge = memo(function AgentClusterBadge({ id }: { id: string }) {
  const { t } = useTranslation('cluster');
  const a = useCluster((s) => s.status?.agents[id]);
  const reconnectMs = useCluster((s) => s.status?.reconnectMs ?? 0);
  if (!a?.node) return null;
  return (
    <>
      {a.dropped && <div aria-hidden className="pointer-events-none absolute inset-0 rounded-xl bg-zinc-400/35 dark:bg-zinc-950/55" />}
      <span
        data-cluster-agent
        data-node={a.node}
        data-dropped={a.dropped}
        title={a.dropped ? t('droppedHint', { node: a.node, seconds: reconnectMs / 1000 }) : t('connectedHint', { node: a.node, seconds: reconnectMs / 1000 })}
        className={`absolute -top-2.5 right-3 z-10 rounded-full px-2 py-0.5 text-[10px] leading-3 font-bold shadow ring-2 ring-white dark:ring-zinc-900 ${
          a.dropped ? 'bg-red-600 text-white' : 'bg-zinc-700 text-white dark:bg-zinc-200 dark:text-zinc-900'
        }`}
      >
        {a.dropped ? `⚡ ${shortNode(a.node)} · ${t('reconnecting')}` : `⇄ ${shortNode(a.node)}`}
      </span>
    </>
  );
});
