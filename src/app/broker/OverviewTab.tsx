/**
 * The Overview tab, like the management UI's: totals, queued messages, message rates per second
 * (of virtual time) with a sparkline each, and the node(s) with memory, disk and alarms. Asked of
 * the simulation worker twice a second while it shows (worker/management.ts).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRates, Overview } from '../../worker/management-protocol';
import { managementCall } from '../management/api';
import { formatBytes } from './format';

const POLL_MS = 500;
/** Samples a sparkline shows. */
const HISTORY = 60;
const RATE_KEYS: (keyof MessageRates)[] = ['publish', 'confirm', 'deliver', 'get', 'ack', 'redeliver', 'return'];

const card = 'rounded-md border border-zinc-200 p-3 dark:border-zinc-800';
const heading = 'mb-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

function Figure({ label, value, id }: { label: string; value: number | string; id: string }) {
  return (
    <div data-overview={id} data-value={value} className="min-w-20">
      <div className="text-xs text-zinc-500 dark:text-zinc-400">{label}</div>
      <div className="font-mono text-lg font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">{value}</div>
    </div>
  );
}

function Sparkline({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${(i / (HISTORY - 1)) * 100},${20 - (v / max) * 18}`).join(' ');
  return (
    <svg viewBox="0 0 100 20" preserveAspectRatio="none" className="h-5 w-24 text-accent-600" aria-hidden="true">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export function OverviewTab() {
  const { t } = useTranslation('broker');
  const [overview, setOverview] = useState<Overview | null>(null);
  const [history, setHistory] = useState<MessageRates[]>([]);

  useEffect(() => {
    let live = true;
    const ask = async () => {
      const r = await managementCall({ op: 'overview' });
      if (!live || !('overview' in r)) return;
      setOverview(r.overview);
      setHistory((h) => [...h, r.overview.rates].slice(-HISTORY));
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  if (!overview) return <p className="text-sm text-zinc-500">{t('overview.loading')}</p>;
  const { totals, messages, rates, nodes } = overview;
  return (
    <div data-overview-tab className="flex flex-col gap-3">
      <section className={card}>
        <h3 className={heading}>{t('overview.totals')}</h3>
        <div className="flex flex-wrap gap-4">
          {(['connections', 'channels', 'exchanges', 'queues', 'consumers'] as const).map((k) => (
            <Figure key={k} id={k} label={t(`overview.${k}`)} value={totals[k]} />
          ))}
        </div>
      </section>
      <section className={card}>
        <h3 className={heading}>{t('overview.queued')}</h3>
        <div className="flex flex-wrap gap-4">
          {(['ready', 'unacked', 'total'] as const).map((k) => (
            <Figure key={k} id={k} label={t(`overview.${k}`)} value={messages[k]} />
          ))}
        </div>
      </section>
      <section className={card}>
        <h3 className={heading}>{t('overview.rates')}</h3>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
          {RATE_KEYS.map((k) => (
            <div key={k} className="flex items-end gap-2">
              <Figure id={`rate-${k}`} label={t(`overview.rate.${k}`)} value={`${rates[k]}/s`} />
              <Sparkline values={history.map((h) => h[k])} />
            </div>
          ))}
        </div>
      </section>
      <section className={card}>
        <h3 className={heading}>{t('overview.nodes')}</h3>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-zinc-500 dark:text-zinc-400">
              <th className="py-1 pr-3 font-medium">{t('overview.node')}</th>
              <th className="py-1 pr-3 font-medium">{t('overview.memory')}</th>
              <th className="py-1 pr-3 font-medium">{t('overview.disk')}</th>
              <th className="py-1 font-medium">{t('overview.alarms')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.name} data-overview-node={n.name} data-running={n.running} data-alarms={n.alarms.join(' ')}>
                <td className="py-1 pr-3 font-mono">
                  {n.name} {!n.running && <span className="text-red-600 dark:text-red-400">({t('overview.stopped')})</span>}
                </td>
                <td className="py-1 pr-3 tabular-nums">{t('overview.used', { used: formatBytes(n.memory.used), limit: formatBytes(n.memory.limit) })}</td>
                <td className="py-1 pr-3 tabular-nums">{t('overview.free', { free: formatBytes(n.disk.free), limit: formatBytes(n.disk.limit) })}</td>
                <td className="py-1">
                  {n.alarms.length ? (
                    <span className="font-semibold text-red-600 dark:text-red-400">{n.alarms.map((a) => t(`overview.alarm.${a}`)).join(', ')}</span>
                  ) : (
                    <span className="text-emerald-700 dark:text-emerald-300">{t('overview.noAlarm')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
