/**
 * The cluster's nodes as a strip at the top of the canvas: each node's state, its client
 * connections, and a button to stop or start it (`rabbitmqctl stop_app` / `start_app`).
 * Shown only for a cluster (two nodes or more).
 */
import { useEffect } from 'react';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { shortNode, startClusterView, startNode, stopNode, useCluster } from './store';

export function ClusterStrip() {
  const { t } = useTranslation('cluster');
  useEffect(startClusterView, []);
  const status = useCluster((s) => s.status);
  if (!status || status.nodes.length < 2) return null;
  return (
    <Panel position="top-center" className="!m-2">
      <div
        role="group"
        aria-label={t('strip')}
        data-cluster-strip
        className="flex items-center gap-1.5 rounded-xl border border-zinc-200 bg-white/95 p-1 text-xs shadow-sm backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95"
      >
        <span className="px-1.5 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400" title={t('stripHint', { seconds: status.reconnectMs / 1000 })}>
          {t('cluster')}
        </span>
        {status.nodes.map((n) => (
          <div
            key={n.name}
            data-cluster-node={n.name}
            data-up={n.up}
            title={n.name}
            className={`flex items-center gap-1.5 rounded-lg border py-0.5 pr-0.5 pl-2 ${
              n.up ? 'border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/40' : 'border-zinc-300 bg-zinc-100 text-zinc-600 dark:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-800'
            }`}
          >
            <span aria-hidden className={`size-2 rounded-full ${n.up ? 'bg-emerald-500' : 'bg-zinc-400'}`} />
            <span className={`font-semibold ${n.up ? 'text-zinc-800 dark:text-zinc-100' : 'line-through'}`}>{shortNode(n.name)}</span>
            <span className="text-[10px] text-zinc-500 tabular-nums dark:text-zinc-400" title={t('connections')}>
              {n.up ? `⇄${n.connections}` : t('stopped')}
            </span>
            <button
              type="button"
              onClick={() => (n.up ? stopNode(n.name) : startNode(n.name))}
              aria-label={t(n.up ? 'stopNode' : 'startNode', { node: n.name })}
              title={t(n.up ? 'stopNode' : 'startNode', { node: n.name })}
              className={`nodrag rounded-md px-1.5 py-0.5 text-[11px] font-semibold ${
                n.up ? 'text-red-700 hover:bg-red-100 dark:text-red-300 dark:hover:bg-red-900/40' : 'text-emerald-700 hover:bg-emerald-100 dark:text-emerald-300 dark:hover:bg-emerald-900/40'
              }`}
            >
              {n.up ? '■' : '▶'}
            </button>
          </div>
        ))}
      </div>
    </Panel>
  );
}
