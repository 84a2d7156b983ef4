/**
 * The broker in the top bar: a memory gauge and a disk gauge with their limit lines, the Restart
 * button and the button that opens the broker panel. Also mounts the panel and the banner shown
 * while an alarm blocks publishers or a restart is under way.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourcesView } from '../../engine';
import { formatBytes } from './format';
import { followBrokerStatus, openBrokerPanel, restartBroker, useBroker } from './store';

// The panel loads when it first opens: it is not part of the page's first load.
const BrokerPanel = lazy(() => import('./BrokerPanel').then((m) => ({ default: m.BrokerPanel })));

function Gauge({ kind, fill, line, alarm, label, title }: { kind: 'memory' | 'disk'; fill: number; line: number; alarm: boolean; label: string; title: string }) {
  const pct = (x: number) => `${Math.max(0, Math.min(1, x)) * 100}%`;
  return (
    <div className="flex items-center gap-1" title={title} data-gauge={kind} data-alarm={alarm} aria-label={title} role="meter" aria-valuenow={Math.round(fill * 100)} aria-valuemin={0} aria-valuemax={100}>
      <span className="text-[10px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</span>
      <span className="relative h-2.5 w-10 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        {/* The fill slides in from the left rather than changing its width: it moves with every
            refresh of a busy run, and a new width laid out the whole page again. On its own
            layer, a new transform is the compositor's alone (no layout, paint or layerizing). */}
        <span className={`absolute inset-0 rounded-full will-change-transform ${alarm ? 'bg-red-500' : 'bg-emerald-500'}`} style={{ transform: `translateX(${(Math.max(0, Math.min(1, fill)) - 1) * 100}%)` }} />
        <span className="absolute inset-y-0 w-0.5 bg-zinc-900 dark:bg-zinc-100" style={{ left: pct(line) }} />
      </span>
    </div>
  );
}

function Gauges({ r }: { r: ResourcesView }) {
  const { t } = useTranslation('broker');
  const memAlarm = r.alarms.includes('memory');
  const diskAlarm = r.alarms.includes('disk');
  // Disk: free space on a scale with room above the limit; the line is the limit.
  const diskScale = Math.max(r.disk.free, r.disk.limit * 2, 1);
  return (
    <>
      <Gauge
        kind="memory"
        label={t('gauge.memory')}
        fill={r.memory.total ? r.memory.used / r.memory.total : 0}
        line={r.memory.watermark}
        alarm={memAlarm}
        title={t('gauge.memoryTitle', { used: formatBytes(r.memory.used), limit: formatBytes(r.memory.limit), total: formatBytes(r.memory.total), watermark: r.memory.watermark })}
      />
      <Gauge
        kind="disk"
        label={t('gauge.disk')}
        fill={r.disk.free / diskScale}
        line={r.disk.limit / diskScale}
        alarm={diskAlarm}
        title={t('gauge.diskTitle', { free: formatBytes(r.disk.free), limit: formatBytes(r.disk.limit) })}
      />
    </>
  );
}

/** While publishers are blocked or the broker restarts: a banner over the canvas. */
function Banner() {
  const { t } = useTranslation('broker');
  const status = useBroker((s) => s.status);
  if (!status) return null;
  const r = status.resources;
  const blocked = status.blocked.length;
  let text: string | null = null;
  let tone = 'border-red-300 bg-red-50 text-red-800 dark:border-red-500/40 dark:bg-red-950/80 dark:text-red-200';
  if (status.restarting) {
    text = t('banner.restarting');
    tone = 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-amber-950/80 dark:text-amber-200';
  } else if (r.alarms.length && blocked) {
    const which = r.alarms.includes('memory') && r.alarms.includes('disk') ? 'both' : r.alarms.includes('memory') ? 'memory' : 'disk';
    text = t(`banner.${which}`, { count: blocked, used: formatBytes(r.memory.used), limit: formatBytes(r.memory.limit), free: formatBytes(r.disk.free), diskLimit: formatBytes(r.disk.limit) });
  } else if (r.alarms.length) {
    text = t('banner.alarmIdle', { alarms: r.alarms.join(' & ') });
    tone = 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/40 dark:bg-amber-950/80 dark:text-amber-200';
  }
  if (!text) return null;
  return (
    <div role="status" data-broker-banner={status.restarting ? 'restart' : 'alarm'} className={`pointer-events-none fixed whitespace-normal top-14 left-1/2 z-30 max-w-xl -translate-x-1/2 rounded-lg border px-4 py-2 text-sm font-medium shadow-lg ${tone}`}>
      {text}
    </div>
  );
}

export function BrokerBar() {
  const { t } = useTranslation('broker');
  const resources = useBroker((s) => s.status?.resources);
  const restarting = useBroker((s) => !!s.status?.restarting);
  const panelOpen = useBroker((s) => s.open);
  useEffect(followBrokerStatus, []);
  return (
    <div className="flex items-center gap-1.5" data-broker-bar>
      {resources && <Gauges r={resources} />}
      <button
        type="button"
        data-broker-restart
        disabled={restarting}
        onClick={restartBroker}
        title={t('restartHint')}
        aria-label={t('restart')}
        className="inline-flex h-8 items-center gap-1 rounded-md px-1.5 text-sm text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        ↻
      </button>
      <button
        type="button"
        data-broker-open
        onClick={() => openBrokerPanel()}
        className="inline-flex h-8 items-center gap-1 rounded-md px-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {t('panel.open')}
      </button>
      <Banner />
      {panelOpen && (
        <Suspense fallback={null}>
          <BrokerPanel />
        </Suspense>
      )}
    </div>
  );
}
