import { useTranslation } from 'react-i18next';
import type { RouteExplanation, TraceEvent } from '../../engine';
import type { Explanation } from '../../worker/protocol';
import { describeEvent, formatClock, type Names } from '../log/describe';
import { toneOf } from '../log/kinds';
import { Rich } from '../log/Rich';
import { formatBinding } from './reasons';
import { openMessage } from './store';

/** Every binding an exchange considered, matched first, with the reason in words. */
function Bindings({ route }: { route: RouteExplanation }) {
  const { t } = useTranslation('simulation');
  const key = route.routingKeys[0] ?? '';
  if (!route.found) return <Rich text={t('message.notFoundExchange', { exchange: route.exchange })} className="text-xs text-red-700 dark:text-red-300" />;
  const sorted = [...route.bindings].sort((a, b) => Number(b.matched) - Number(a.matched));
  return (
    <ul className="mt-1 space-y-0.5" aria-label={t('message.bindings')}>
      {sorted.map((b, i) => (
        <li key={i} data-matched={b.matched} className="text-xs leading-5">
          <div className="flex gap-1.5">
            <span aria-hidden className={`w-3 shrink-0 font-bold ${b.matched ? 'text-emerald-600 dark:text-emerald-400' : 'text-zinc-500 dark:text-zinc-400'}`}>
              {b.matched ? '✓' : '✗'}
            </span>
            <span className={b.matched ? 'text-zinc-800 dark:text-zinc-100' : 'text-zinc-500 dark:text-zinc-400'}>
              <Rich text={formatBinding(b, key, t)} />
              {b.matched && b.binding.destinationType === 'queue' && !b.duplicate && <span className="text-zinc-500 dark:text-zinc-400"> → </span>}
              {b.matched && !b.duplicate && <code className="font-mono text-zinc-700 dark:text-zinc-200">{b.binding.destinationType === 'queue' && b.binding.destination}</code>}
              {b.duplicate && <span className="text-zinc-500 dark:text-zinc-400"> ({t('message.duplicate')})</span>}
            </span>
          </div>
          {b.via && (
            <div className="ml-4 border-l border-zinc-200 pl-2 dark:border-zinc-700">
              <Rich text={t('message.via', { exchange: b.via.exchange })} className="text-[11px] text-zinc-500 dark:text-zinc-400" />
              <Bindings route={b.via} />
            </div>
          )}
        </li>
      ))}
      {route.alternate && (
        <li className="ml-4 border-l border-zinc-200 pl-2 text-xs dark:border-zinc-700">
          <Rich text={t(route.alternate.found ? 'message.alternate' : 'message.alternateMissing', { exchange: route.alternate.exchange })} className="text-zinc-600 dark:text-zinc-300" />
          {'bindings' in route.alternate && <Bindings route={route.alternate} />}
        </li>
      )}
    </ul>
  );
}

/** The message's events as a vertical timeline; a routing step lists its bindings. */
export function RouteView({ exp, names, current }: { exp: Explanation; names: Names; current: number }) {
  const { t } = useTranslation('simulation');
  return (
    <ol className="relative ml-1 border-l border-zinc-200 dark:border-zinc-700" data-testid="message-route">
      {exp.events.map((e: TraceEvent) => {
        const other = 'id' in e && e.id !== current ? e.id : null;
        const route = e.type === 'routed' ? exp.routes[e.seq] : undefined;
        return (
          <li key={e.seq} data-kind={e.type} className="relative pb-2 pl-4">
            <span aria-hidden className={`absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-white bg-current dark:border-zinc-900 ${toneOf(e)}`} />
            <div className="flex items-baseline gap-2 text-xs">
              <span className="font-mono text-zinc-500 dark:text-zinc-400 tabular-nums">{formatClock(e.t)}</span>
              <span className={`font-medium ${toneOf(e)}`}>{t(`kind.${e.type}`, { defaultValue: e.type })}</span>
              {other !== null && (
                <button type="button" onClick={() => openMessage(other)} className="font-mono text-accent-700 hover:underline dark:text-accent-300">
                  #{other}
                </button>
              )}
            </div>
            <Rich text={describeEvent(e, t, names)} className="block text-[13px] leading-5 text-zinc-800 dark:text-zinc-200" />
            {route && <Bindings route={route} />}
          </li>
        );
      })}
    </ol>
  );
}
