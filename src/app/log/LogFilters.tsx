import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { parseMessageId, isFiltering } from './filter';
import { GROUP_DOT, GROUPS } from './kinds';
import { clearFilters, setIdFilter, setNodeFilter, toggleGroup, toggleSetup, usePanel } from './store';

const input =
  'h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-900 focus:border-accent-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/**
 * Chips for kind groups (wrapping onto a second line where the panel is narrow, never cut), a
 * node select and a message id field; and the set-up toggle (`setup`
 * events at the start of the run, hidden until asked for).
 */
export const LogFilters = memo(function LogFilters({ shown, total, setup }: { shown: number; total: number; setup: number }) {
  const { t } = useTranslation('simulation');
  const filter = usePanel((s) => s.filter);
  const idText = usePanel((s) => s.idText);
  const nodes = useDocument((s) => s.doc.nodes);
  const { t: te } = useTranslation('editor');
  return (
    <div className="flex min-h-9 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800">
      <div role="group" aria-label={t('log.kinds')} className="flex min-w-0 flex-1 flex-wrap items-center gap-1">
        {GROUPS.map((g) => {
          const on = filter.groups.has(g);
          return (
            <button
              key={g}
              type="button"
              aria-pressed={on}
              data-chip={g}
              onClick={() => toggleGroup(g)}
              className={`inline-flex h-6 shrink-0 items-center gap-1.5 rounded-full border px-2 text-[11px] font-medium whitespace-nowrap transition-colors ${
                on
                  ? 'border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900'
                  : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'
              }`}
            >
              <span className={`size-1.5 rounded-full ${GROUP_DOT[g]}`} aria-hidden />
              {t(`group.${g}`)}
            </button>
          );
        })}
      </div>
      {setup > 0 && (
        <button
          type="button"
          aria-pressed={filter.setup}
          data-chip="setup"
          title={t('log.setupHint')}
          onClick={toggleSetup}
          className={`inline-flex h-6 shrink-0 items-center rounded-full border border-dashed px-2 text-[11px] font-medium whitespace-nowrap ${
            filter.setup ? 'border-zinc-500 bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100' : 'border-zinc-300 text-zinc-500 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800'
          }`}
        >
          {t(filter.setup ? 'log.setupShown' : 'log.setupHidden', { count: setup })}
        </button>
      )}
      <select
        aria-label={t('log.node')}
        data-testid="log-node"
        value={filter.node ?? ''}
        onChange={(e) => setNodeFilter(e.target.value || null)}
        className={`${input} w-[8.5rem] shrink-0 @4xl:w-[11rem]`}
      >
        <option value="">{t('log.allNodes')}</option>
        {nodes.map((n) =>
          n.kind === 'note' ? null : (
            <option key={n.id} value={n.id}>
              {te(`kind.${n.kind}`)}: {n.config.name}
            </option>
          ),
        )}
      </select>
      <input
        aria-label={t('log.messageId')}
        data-testid="log-id"
        placeholder={t('log.messageIdPlaceholder')}
        value={idText}
        onChange={(e) => setIdFilter(e.target.value, parseMessageId(e.target.value))}
        className={`${input} w-[5.5rem] shrink-0 font-mono`}
      />
      {isFiltering(filter) && (
        <button type="button" onClick={clearFilters} className="shrink-0 text-xs text-accent-700 hover:underline dark:text-accent-300">
          {t('log.clear')}
        </button>
      )}
      <span className="hidden shrink-0 text-[11px] text-zinc-500 tabular-nums @3xl:inline dark:text-zinc-400">
        {isFiltering(filter) ? t('log.shown', { shown, count: total }) : t('log.count', { count: total })}
      </span>
    </div>
  );
});
