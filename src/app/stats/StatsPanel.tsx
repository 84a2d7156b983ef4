import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { simulationStore } from '../../store/simulation';
import type { NodeCounters } from '../../worker/protocol';
import { history, RATE_WINDOW_MS, SPARK_MS, useStatsVersion } from './collector';
import { formatRate } from './rates';
import { Sparkline } from './Sparkline';
import { openCompare } from '../compare/store';

const th = 'px-2 py-1 text-right font-medium first:text-left';
const td = 'px-2 py-0.5 text-right tabular-nums first:text-left';

function Table({ title, head, children }: { title: string; head: string[]; children: ReactNode }) {
  return (
    <section className="min-w-0">
      <h3 className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      <table className="w-full text-xs">
        <thead className="text-zinc-500 dark:text-zinc-400">
          <tr>{head.map((h, i) => <th key={i} className={th}>{h}</th>)}</tr>
        </thead>
        <tbody className="text-zinc-800 dark:text-zinc-200">{children}</tbody>
      </table>
    </section>
  );
}

const n = (c: NodeCounters | undefined, f: keyof NodeCounters) => (typeof c?.[f] === 'number' ? (c[f] as number) : 0);

/**
 * Per-queue depth and rates, per-consumer and per-exchange totals: what the management UI's
 * overview shows, in virtual time.
 */
export function StatsPanel() {
  const { t } = useTranslation('simulation');
  useStatsVersion();
  const nodes = useDocument((s) => s.doc.nodes);
  const counters = simulationStore.getState().counters;
  const queues = nodes.filter((x) => x.kind === 'queue');
  const consumers = nodes.filter((x) => x.kind === 'consumer');
  const exchanges = nodes.filter((x) => x.kind === 'exchange');
  const producers = nodes.filter((x) => x.kind === 'producer');
  const rate = (id: string, f: keyof NodeCounters) => formatRate(history.rate(id, f, RATE_WINDOW_MS));
  if (!queues.length && !consumers.length && !exchanges.length && !producers.length) {
    return <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">{t('stats.empty')}</p>;
  }
  return (
    <div data-testid="stats" tabIndex={0} className="relative h-full overflow-y-auto pb-2">
      <button
        type="button"
        onClick={openCompare}
        className="absolute top-1.5 right-2 rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {t('stats.compare')}
      </button>
      <div className="grid grid-cols-1 gap-x-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <Table
            title={t('stats.queues')}
            head={[t('stats.name'), t('stats.ready'), t('stats.unacked'), t('stats.total'), t('stats.inRate'), t('stats.outRate'), t('stats.ackRate'), t('stats.depth', { seconds: SPARK_MS / 1000 })]}
          >
            {queues.map((q) => {
              const c = counters[q.id];
              const total = n(c, 'ready') + n(c, 'unacked');
              return (
                <tr key={q.id} data-stats-queue={q.config.name} data-ready={n(c, 'ready')} data-unacked={n(c, 'unacked')} data-total={total}>
                  <td className={`${td} font-mono`}>{q.config.name}</td>
                  <td className={td}>{n(c, 'ready')}</td>
                  <td className={td}>{n(c, 'unacked')}</td>
                  <td className={`${td} font-semibold`}>{total}</td>
                  <td className={td}>{rate(q.id, 'enqueued')}</td>
                  <td className={td}>{rate(q.id, 'delivered')}</td>
                  <td className={td}>{rate(q.id, 'acked')}</td>
                  <td className={`${td} w-[104px] text-accent-600 dark:text-accent-400`}>
                    <Sparkline values={history.series(q.id, (x) => n(x, 'ready') + n(x, 'unacked'))} />
                  </td>
                </tr>
              );
            })}
          </Table>
        </div>
        <Table title={t('stats.consumers')} head={[t('stats.name'), t('stats.state'), t('stats.delivered'), t('stats.acked'), t('stats.unacked'), t('stats.ackRate')]}>
          {consumers.map((x) => {
            const c = counters[x.id];
            return (
              <tr key={x.id} data-stats-consumer={x.config.name}>
                <td className={td}>{x.config.name}</td>
                <td className={td}>{c?.state ? t(`node.state.${c.state}`) : '—'}</td>
                <td className={td}>{n(c, 'delivered')}</td>
                <td className={td}>{n(c, 'acked')}</td>
                <td className={td}>{n(c, 'unacked')}</td>
                <td className={td}>{rate(x.id, 'acked')}</td>
              </tr>
            );
          })}
        </Table>
        <div>
          <Table title={t('stats.exchanges')} head={[t('stats.name'), t('stats.in'), t('stats.out'), t('stats.inRate')]}>
            {exchanges.map((x) => {
              const c = counters[x.id];
              return (
                <tr key={x.id} data-stats-exchange={x.config.name}>
                  <td className={`${td} font-mono`}>{x.config.name}</td>
                  <td className={td}>{n(c, 'in')}</td>
                  <td className={td}>{n(c, 'out')}</td>
                  <td className={td}>{rate(x.id, 'in')}</td>
                </tr>
              );
            })}
          </Table>
          <Table title={t('stats.producers')} head={[t('stats.name'), t('stats.published'), t('stats.returned'), t('stats.inRate')]}>
            {producers.map((x) => {
              const c = counters[x.id];
              return (
                <tr key={x.id} data-stats-producer={x.config.name}>
                  <td className={td}>{x.config.name}</td>
                  <td className={td}>{n(c, 'published')}</td>
                  <td className={td}>{n(c, 'returned')}</td>
                  <td className={td}>{rate(x.id, 'published')}</td>
                </tr>
              );
            })}
          </Table>
        </div>
      </div>
      <p className="px-2 pt-2 text-[11px] text-zinc-500 dark:text-zinc-400">{t('stats.rateNote', { seconds: RATE_WINDOW_MS / 1000 })}</p>
    </div>
  );
}
