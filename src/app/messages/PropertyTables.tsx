import { useTranslation } from 'react-i18next';
import { formatClock } from '../log/describe';
import { showValue } from './reasons';

const cell = 'px-2 py-1 align-top';

/** x-death entries as a table: one row per (queue, reason), as RabbitMQ keeps them. */
export function XDeathTable({ entries }: { entries: Record<string, unknown>[] }) {
  const { t } = useTranslation('simulation');
  const cols = ['count', 'reason', 'queue', 'exchange', 'routing-keys', 'time'] as const;
  const label = (c: (typeof cols)[number]) => t(`message.col.${c === 'routing-keys' ? 'routingKeys' : c}`);
  const show = (c: (typeof cols)[number], v: unknown) => {
    if (c === 'routing-keys' && Array.isArray(v)) return v.join(', ');
    if (c === 'time' && typeof v === 'number') return formatClock(v);
    if (c === 'time' && v && typeof v === 'object' && 'value' in v) return showValue((v as { value: unknown }).value);
    return showValue(v);
  };
  return (
    <div className="overflow-x-auto rounded-md border border-red-200 dark:border-red-500/30" data-testid="x-death">
      <table className="w-full text-xs">
        <thead className="bg-red-50 text-left text-red-800 dark:bg-red-500/10 dark:text-red-200">
          <tr>{cols.map((c) => <th key={c} className={`${cell} font-medium`}>{label(c)}</th>)}</tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} className="border-t border-red-100 dark:border-red-500/20" data-x-death-reason={String(e.reason)}>
              {cols.map((c) => (
                <td key={c} className={`${cell} ${c === 'count' ? 'tabular-nums' : 'font-mono'}`}>{show(c, e[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Name/value pairs; nested values as JSON. */
export function KeyValues({ data, testId }: { data: Record<string, unknown>; testId?: string }) {
  const { t } = useTranslation('simulation');
  const rows = Object.entries(data).filter(([, v]) => v !== undefined);
  return (
    <table className="w-full text-xs" data-testid={testId} aria-label={testId}>
      <thead className="sr-only">
        <tr>
          <th>{t('message.col.name')}</th>
          <th>{t('message.col.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
            <td className={`${cell} w-[40%] font-mono text-zinc-500 dark:text-zinc-400`}>{k}</td>
            <td className={`${cell} font-mono break-all text-zinc-900 dark:text-zinc-100`}>{showValue(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
