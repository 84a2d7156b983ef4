import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { useSimulation } from '../../store/simulation';
import { counterValue, type Check, type CounterCheck, type SelectQueuesCheck } from './checks';
import { runCheck } from './runCheck';
import { lessonStore, useLesson } from './store';

function useNodeName(): (id: string) => string {
  const nodes = useDocument((s) => s.doc.nodes);
  return (id) => {
    const n = nodes.find((x) => x.id === id);
    return n && n.kind !== 'note' ? n.config.name : id;
  };
}

const chip = 'inline-flex items-center rounded-md px-2 py-0.5 font-mono text-[0.8125rem] font-medium';

function Chips({ ids, tone }: { ids: string[]; tone: string }) {
  const name = useNodeName();
  return (
    <span className="flex flex-wrap gap-1.5">
      {ids.map((id) => (
        <span key={id} className={`${chip} ${tone}`}>{name(id)}</span>
      ))}
    </span>
  );
}

function SelectQueues({ check }: { check: SelectQueuesCheck }) {
  const { t } = useTranslation('lessons');
  const chosen = useLesson((s) => s.chosen);
  const checking = useLesson((s) => s.checking);
  const result = useLesson((s) => s.result);
  const timedOut = useLesson((s) => s.timedOut);
  const name = useNodeName();
  const key = check.routingKey;
  return (
    <div data-check-kind="select-queues" className="space-y-3">
      <div>
        <div className="mb-1.5 text-[0.6875rem] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{t('pick.title')}</div>
        <div data-lesson-chosen={chosen.map(name).sort().join(',')}>
          {chosen.length ? (
            <Chips ids={chosen} tone="bg-blue-100 text-blue-900 dark:bg-blue-500/20 dark:text-blue-200" />
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('pick.hint')}</p>
          )}
        </div>
      </div>
      <button
        type="button"
        disabled={checking}
        onClick={() => runCheck(check)}
        className="w-full rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 disabled:opacity-60"
      >
        {checking ? t('pick.checking', { key }) : t('pick.check')}
      </button>
      {timedOut && <p role="status" className="text-sm text-amber-700 dark:text-amber-300">{t('pick.timeout', { key })}</p>}
      {result && (
        <div
          role="status"
          data-check-result
          data-correct={result.correct}
          data-reached={result.reached.map(name).sort().join(',')}
          className={`rounded-lg border p-3 text-sm ${
            result.correct
              ? 'border-green-200 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-500/10 dark:text-green-200'
              : 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-500/10 dark:text-red-200'
          }`}
        >
          <p className="font-semibold">{result.correct ? t('pick.correct') : t('pick.wrong')}</p>
          {result.reached.length || result.unknown.length ? (
            <>
              <p className="mt-1 mb-1.5">{t('pick.reached', { key })}</p>
              <Chips ids={result.reached} tone="bg-green-600 text-white" />
              {result.unknown.length > 0 && <p className="mt-1">{t('pick.offCanvas', { names: result.unknown.join(', ') })}</p>}
            </>
          ) : (
            <p className="mt-1">{t('pick.reachedNone', { key })}</p>
          )}
        </div>
      )}
    </div>
  );
}

function CounterGoal({ check, step }: { check: CounterCheck; step: number }) {
  const { t } = useTranslation('lessons');
  const value = useSimulation((s) => counterValue(check, s.counters));
  const done = useLesson((s) => s.done.includes(step));
  const name = useNodeName();
  // What to do next follows the run: start it, it is on its way, or go on from where it paused.
  const state = useSimulation((s) => (s.playing ? 'playing' : s.t > 0 ? 'paused' : 'stopped'));
  const pct = Math.min(100, (Math.min(value, check.atLeast) / Math.max(1, check.atLeast)) * 100);
  const counter = t(`counterName.${check.counter}`, { defaultValue: check.counter });
  return (
    <div data-check-kind="counter" data-counter-done={done} data-counter-value={value} data-run={state} className="space-y-2">
      <p className="text-sm font-medium text-zinc-700 dark:text-zinc-200">
        {t('counter.goal', { node: name(check.node), counter, target: check.atLeast })}
        <span className="ml-2 font-mono text-zinc-500 dark:text-zinc-400">{t('counter.now', { value })}</span>
      </p>
      <div className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className={`h-full rounded-full transition-[width] ${done ? 'bg-green-500' : 'bg-accent-500'}`} style={{ width: `${done ? 100 : pct}%` }} />
      </div>
      <p className={`text-sm ${done ? 'font-semibold text-green-700 dark:text-green-300' : 'text-zinc-500 dark:text-zinc-400'}`}>
        {done ? `✓ ${t('counter.done')}` : t(`counter.${state}`)}
      </p>
    </div>
  );
}

/** The question part of a step, answered by the simulation. */
export function CheckBox({ check, step }: { check: Check; step: number }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900/60">
      {check.kind === 'select-queues' ? <SelectQueues check={check} /> : <CounterGoal check={check} step={step} />}
    </div>
  );
}

export const resetCheck = (): void => lessonStore.setState({ result: null, chosen: [], timedOut: false });
