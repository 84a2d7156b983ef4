import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { uiStore, useUi } from '../../store/ui';
import { setTab, usePanel, type PanelTab } from '../log/store';
import { startStats } from '../stats/collector';
import { TransportBar } from '../transport/TransportBar';
import { IconChevron } from './icons';
import { ToolButton } from './ToolButton';

const TABS: PanelTab[] = ['log', 'stats'];
// Not needed for the first paint: loaded right after it.
const EventLog = lazy(() => import('../log/EventLog').then((m) => ({ default: m.EventLog })));
const StatsPanel = lazy(() => import('../stats/StatsPanel').then((m) => ({ default: m.StatsPanel })));

function Tabs() {
  const { t } = useTranslation('simulation');
  const tab = usePanel((s) => s.tab);
  const open = useUi((s) => s.bottomOpen);
  return (
    <div role="tablist" aria-label={t('transport.label')} className="flex items-center rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-900">
      {TABS.map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={`tab-${k}`}
          aria-selected={open && tab === k}
          aria-controls="bottom-panel"
          onClick={() => {
            setTab(k);
            if (!open) uiStore.setState({ bottomOpen: true });
          }}
          className={`h-7 rounded px-3 text-xs font-medium transition-colors ${
            open && tab === k
              ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-white'
              : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
          }`}
        >
          {t(`tabs.${k}`)}
        </button>
      ))}
    </div>
  );
}


/**
 * The strip under the canvas: the transport bar, always visible, and below it the event log or
 * the statistics, which fold away.
 */
export function BottomSlot() {
  const { t } = useTranslation('editor');
  const open = useUi((s) => s.bottomOpen);
  const tab = usePanel((s) => s.tab);
  useEffect(startStats, []);
  return (
    <section aria-label={t('bottom.label')} className="@container shrink-0 border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <TransportBar>
        <Tabs />
        <ToolButton action="toggleBottom" icon={<IconChevron up={!open} />} pressed={open} />
      </TransportBar>
      <div
        id="bottom-panel"
        data-slot="bottom"
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        hidden={!open}
        className="h-[clamp(120px,24vh,212px)] min-h-0 border-t border-zinc-200 dark:border-zinc-800"
      >
        {open && <Suspense fallback={null}>{tab === 'log' ? <EventLog /> : <StatsPanel />}</Suspense>}
      </div>
    </section>
  );
}
