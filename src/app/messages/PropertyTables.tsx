import { useTranslation } from 'react-i18next';
import { formatClock } from '../log/describe';
import { showValue } from './reasons';

const cell = 'px-2 py-1 align-top';

/** An AMQP timestamp (seconds): as virtual time when it is one, else as a date. */
function showTime(v: unknown): string {
  const n = typeof v === 'number' ? v : v && typeof v === 'object' && 'value' in v ? Number((v as { value: unknown }).value) : NaN;
  if (!Number.isFinite(n)) return showValue(v);
  return n < 1e9 ? formatClock(n * 1000) : new Date(n * 1000).toISOString();
}

/**
 * x-death entries, one column per (queue, reason) entry as RabbitMQ keeps them, fields as rows
 * (a panel is narrow; there are rarely more than two entries).
 */
export function XDeathTable({ entries }: { entries: Record<string, unknown>[] }) {
  const { t } = useTranslation('simulation');
  const fields = ['count', 'reason', 'queue', 'exchange', 'routing-keys', 'time'] as const;
  const label = (c: (typeof fields)[number]) => t(`message.col.${c === 'routing-keys' ? 'routingKeys' : c}`);
  const show = (c: (typeof fields)[number], v: unknown) => {
    if (c === 'routing-keys' && Array.isArray(v)) return v.join(', ');
    if (c === 'time') return showTime(v);
    return showValue(v);
  };
  return (
    <div className="overflow-x-auto rounded-md border border-red-200 dark:border-red-500/30" data-testid="x-death">
      <table className="w-full text-xs">
        <tbody>
          {fields.map((f) => (
            <tr key={f} className="border-t border-red-100 first:border-0 dark:border-red-500/20">
              <th scope="row" title={label(f)} className={`${cell} w-[7rem] bg-red-50 text-left font-mono font-medium text-red-800 dark:bg-red-500/10 dark:text-red-200`}>
                {f}
              </th>
              {entries.map((e, i) => (
                <td
                  key={i}
                  data-x-death-reason={f === 'reason' ? String(e.reason) : undefined}
                  className={`${cell} ${f === 'count' ? 'font-semibold tabular-nums' : 'font-mono'} ${i ? 'border-l border-red-100 dark:border-red-500/20' : ''}`}
                >
                  {show(f, e[f])}
                </td>
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
