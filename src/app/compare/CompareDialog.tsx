/**
 * Compare: the open scenario run twice from 0 s, as it is (A) and with one change (B), for the same
 * virtual time; what ended differently comes first, each as two lines over time. Loaded when it first
 * opens (App.tsx).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { COMPARE_MAX_MS, type CompareResult } from '../../worker/compare-protocol';
import type { ScenarioDocument } from '../../scenario/schema';
import { Modal } from '../shell/Modal';
import { applyChange, changesOf, invalidValue, type Change } from './changes';
import { rowsOf } from './metrics';
import { runComparison } from './run';
import { closeCompare } from './store';
import { TwoLines } from './TwoLines';
import './texts';

const field = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';
const label = 'mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300';

/** A number typed as text (so that a wrong one can be shown and explained), its error below the form. */
function NumberField({ id, label: text, value, wrong, onChange }: { id: string; label: string; value: string; wrong: boolean; onChange: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className={label}>{text}</label>
      <input
        id={id}
        inputMode="decimal"
        className={field}
        value={value}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

interface Outcome {
  doc: ScenarioDocument;
  change: Change;
  value: number;
  result: CompareResult;
}

export function CompareDialog() {
  const { t } = useTranslation('compare');
  const doc = useDocument((s) => s.doc);
  const changes = useMemo(() => changesOf(doc), [doc]);
  const [key, setKey] = useState(() => changes.find((c) => c.kind === 'prefetch')?.key ?? changes[0].key);
  const change = changes.find((c) => c.key === key) ?? changes[0];
  const [valueText, setValueText] = useState(String(change.suggested));
  const [seconds, setSeconds] = useState('30');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const value = Number(valueText);
  const wrong = valueText.trim() === '' ? 'number' : invalidValue(change, value);
  const secs = Number(seconds);
  const wrongSeconds = !(Number.isInteger(secs) && secs >= 1 && secs * 1000 <= COMPARE_MAX_MS);
  const describe = (c: Change) => t(`change.${c.kind}`, { node: c.node });
  const shown = (v: number | null) => (v === null ? t('unset') : String(v));

  const run = () => {
    if (wrong || wrongSeconds || running) return;
    const docB = applyChange(doc, change, value);
    setRunning(true);
    setError(null);
    void runComparison({ docs: [doc, docB], ms: secs * 1000 }).then((reply) => {
      setRunning(false);
      if (reply.ok) setOutcome({ doc, change, value, result: reply.result });
      else setError(reply.error === 'timeout' ? t('timeout') : t('failed', { detail: reply.error }));
    });
  };

  const rows = outcome ? rowsOf(outcome.doc, outcome.result) : [];
  return (
    <Modal title={t('title')} onClose={closeCompare} width="max-w-3xl">
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <form
        className="mt-4 grid grid-cols-[minmax(0,1fr)_9rem_7rem_auto] items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div>
          <label htmlFor="compare-change" className={label}>{t('changeLabel')}</label>
          <select
            id="compare-change"
            data-autofocus
            className={field}
            value={change.key}
            onChange={(e) => {
              const next = changes.find((c) => c.key === e.target.value) ?? changes[0];
              setKey(next.key);
              setValueText(String(next.suggested));
            }}
          >
            {changes.map((c) => (
              <option key={c.key} value={c.key}>
                {describe(c)} ({t('now', { value: shown(c.current) })})
              </option>
            ))}
          </select>
        </div>
        <NumberField id="compare-value" label={t('valueB')} value={valueText} wrong={!!wrong} onChange={setValueText} />
        <NumberField id="compare-seconds" label={t('seconds')} value={seconds} wrong={wrongSeconds} onChange={setSeconds} />
        <button
          type="submit"
          // Not disabled while running: the focus stays on it (Escape, Tab go on working).
          disabled={!!wrong || wrongSeconds}
          aria-disabled={running || undefined}
          className="rounded-md bg-accent-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-800 disabled:opacity-50"
        >
          {running ? t('running') : t('run')}
        </button>
      </form>
      {wrong && (
        <p id="compare-value-error" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {t(`invalid.${wrong}`, { min: change.min, max: change.max })}
        </p>
      )}
      {wrongSeconds && (
        <p id="compare-seconds-error" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {t('invalidSeconds', { max: COMPARE_MAX_MS / 1000 })}
        </p>
      )}
      {error && <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">{error}</p>}
      <div aria-live="polite">
        {outcome && (
          <section className="mt-4" data-testid="compare-result">
            <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-0.5 w-5 bg-zinc-400" />
                {t('runA')}
              </span>
              <span className="flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-0.5 w-5 border-t-2 border-dashed border-accent-600" />
                {t('runB', { change: describe(outcome.change), value: outcome.value })}
              </span>
              <span>{t('over', { seconds: outcome.result.t.at(-1)! / 1000 })}</span>
            </p>
            {rows.length === 0 ? (
              <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t('nothing')}</p>
            ) : (
              <div className="mt-2 max-h-[50vh] overflow-y-auto" tabIndex={0} aria-label={t('results')}>
                <table className="w-full text-xs">
                  <thead className="text-zinc-500 dark:text-zinc-400">
                    <tr>
                      <th className="px-2 py-1 text-left font-medium">{t('node')}</th>
                      <th className="px-2 py-1 text-left font-medium">{t('counter')}</th>
                      <th className="px-2 py-1 text-right font-medium">A</th>
                      <th className="px-2 py-1 text-right font-medium">B</th>
                      <th className="px-2 py-1 text-right font-medium">B − A</th>
                      <th className="px-2 py-1 text-left font-medium">{t('overTime')}</th>
                    </tr>
                  </thead>
                  <tbody className="text-zinc-800 dark:text-zinc-200">
                    {rows.map((r) => {
                      const a = r.a.at(-1)!;
                      const b = r.b.at(-1)!;
                      const metric = t(`metric.${r.metric}`);
                      return (
                        <tr key={`${r.nodeId}:${r.metric}`} data-compare-row={`${r.node}:${r.metric}`} data-a={a} data-b={b} className="border-t border-zinc-100 dark:border-zinc-800">
                          <td className="px-2 py-1 font-mono">{r.node}</td>
                          <td className="px-2 py-1">{metric}</td>
                          <td className="px-2 py-1 text-right tabular-nums">{a}</td>
                          <td className="px-2 py-1 text-right tabular-nums">{b}</td>
                          <td className={`px-2 py-1 text-right font-semibold tabular-nums ${b === a ? 'text-zinc-500 dark:text-zinc-400' : 'text-accent-700 dark:text-accent-300'}`}>{b - a > 0 ? `+${b - a}` : b - a}</td>
                          <td className="px-2 py-1">
                            <TwoLines a={r.a} b={r.b} label={t('chart', { node: r.node, metric, a, b })} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )}
      </div>
    </Modal>
  );
}
