/**
 * The scenario's timeline in the document inspector: what happens on its own at set times of the
 * run, listed in order, each removable, and a form to add one. A change is one undo step and, like
 * any change to what the broker does, replays the run from 0 s.
 */
import { useId, useState } from 'react';
import { dispatch, getDoc, useDocument } from '../../store/document';
import { Section } from '../inspector/fields/Section';
import { useText } from '../text';
import { LIMITS } from '../../scenario/schema';
import { ACTION_TYPES, ACTIONS, AMOUNT, describeEntry, entryOf, sortedEntries, targetsFor, type ActionType } from './actions';

const FIELD = 'rounded border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900';
const DEFAULT_AMOUNT = { count: '10', fraction: '0.4', megabytes: '50' } as const;

function setTimeline(timeline: ReturnType<typeof getDoc>['timeline']): void {
  dispatch({ type: 'set-meta', patch: { timeline: timeline?.length ? timeline : undefined } });
}

export function TimelineSection() {
  const t = useText('simulation');
  const doc = useDocument((s) => s.doc);
  const [seconds, setSeconds] = useState('5');
  const [type, setType] = useState<ActionType>('stop-consumer');
  const [target, setTarget] = useState('');
  const [amount, setAmount] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  const targets = targetsFor(doc, type);
  const chosen = targets.some((x) => x.value === target) ? target : (targets[0]?.value ?? '');
  const amountKind = AMOUNT[type];
  const amountText = amount ?? (amountKind ? DEFAULT_AMOUNT[amountKind] : '');
  const entries = sortedEntries(doc.timeline);

  const add = () => {
    const timeline = getDoc().timeline ?? [];
    const result = entryOf({ seconds, type, target: chosen, amount: amountText }, targets, timeline.length);
    if (!result.ok) {
      setError(t(`timeline.error.${result.error}`, { max: LIMITS.timeline }));
      return;
    }
    setError(null);
    setTimeline([...timeline, result.entry]);
  };
  /** A change to the form takes back what was said about the last try. */
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setError(null);
  };
  const remove = (index: number) => setTimeline((getDoc().timeline ?? []).filter((_, k) => k !== index));

  return (
    <Section title={t('timeline.title')}>
      <div data-timeline-panel className="flex flex-col gap-2">
        <p className="text-[11px] leading-4 text-zinc-500 dark:text-zinc-400">{t('timeline.hint')}</p>
        {entries.length ? (
          <ul data-timeline className="flex flex-col gap-0.5">
            {entries.map(({ entry, index }) => {
              const text = describeEntry(doc, entry, t);
              return (
                <li key={index} data-timeline-entry data-at={entry.at} data-action={entry.action.type} className="flex items-center gap-1 text-xs text-zinc-800 dark:text-zinc-200">
                  <span className="min-w-0 flex-1 truncate tabular-nums" title={text}>
                    {text}
                  </span>
                  <button
                    type="button"
                    onClick={() => remove(index)}
                    aria-label={t('timeline.remove', { entry: text })}
                    className="rounded px-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-red-600 dark:hover:bg-zinc-800"
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('timeline.empty')}</p>
        )}
        <div className="flex items-center gap-1 text-xs">
          <span>{t('timeline.at')}</span>
          <input aria-label={t('timeline.seconds')} inputMode="decimal" value={seconds} onChange={(e) => edit(setSeconds)(e.target.value)} className={`w-12 ${FIELD}`} {...invalid} />
          <span>{t('timeline.secondsUnit')}</span>
          <select
            aria-label={t('timeline.action')}
            value={type}
            onChange={(e) => {
              setType(e.target.value as ActionType);
              setAmount(null);
              setError(null);
            }}
            {...invalid}
            className={`min-w-0 flex-1 ${FIELD}`}
          >
            {ACTION_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`timeline.kind.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-1 text-xs">
          {ACTIONS[type] !== 'none' && (
            <select aria-label={t('timeline.target')} value={chosen} onChange={(e) => edit(setTarget)(e.target.value)} className={`min-w-0 flex-1 ${FIELD}`} {...invalid}>
              {targets.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </select>
          )}
          {amountKind && (
            <input
              aria-label={t(`timeline.amount.${amountKind}`)}
              title={t(`timeline.amount.${amountKind}`)}
              inputMode="decimal"
              value={amountText}
              onChange={(e) => edit(setAmount)(e.target.value)}
              className={`w-16 ${FIELD} ${ACTIONS[type] === 'none' ? 'flex-1' : ''}`}
              {...invalid}
            />
          )}
          {ACTIONS[type] === 'none' && !amountKind && <span className="flex-1" />}
          <button type="button" onClick={add} className="rounded bg-zinc-900 px-2.5 py-1 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
            {t('timeline.add')}
          </button>
        </div>
        {error && (
          <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
    </Section>
  );
}
