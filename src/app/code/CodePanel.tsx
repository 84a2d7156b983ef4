/**
 * The Code panel: programs side by side as terminals would run them, each with Run and Stop, its
 * editor and its console; Run (all) starts the scenario afresh with every program. Loaded when
 * the panel first opens (CodeMirror is in this chunk, not in the page's first JavaScript).
 */
import { useTranslation } from 'react-i18next';
import { EXAMPLES } from './examples';
import { ProgramColumn } from './ProgramColumn';
import { addProgram, runAll, setPrograms, toggleCode, useCode } from './store';

const button =
  'inline-flex h-7 items-center rounded-md px-2.5 text-xs font-medium focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none';

export default function CodePanel() {
  const { t } = useTranslation('code');
  const programs = useCode((s) => s.programs);
  const example = useCode((s) => s.example);
  const readOnly = useCode((s) => s.readOnly);
  return (
    <section aria-label={t('panel')} data-code-panel className="flex h-[44vh] min-h-[260px] shrink-0 flex-col border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{t('panel')}</h2>
        <button type="button" data-run-all className={`${button} bg-emerald-700 text-white hover:bg-emerald-800`} onClick={runAll} title={t('runAllHint')}>
          {t('runAll')}
        </button>
        {!readOnly && (
          <>
            <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-300">
              {t('example')}
              <select
                data-code-example
                className="h-7 rounded border border-zinc-200 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
                value={example ?? ''}
                onChange={(e) => {
                  const ex = EXAMPLES.find((x) => x.id === e.target.value);
                  if (ex) setPrograms(ex.programs, ex.id);
                }}
              >
                {example === null && <option value="">{t('custom')}</option>}
                {EXAMPLES.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t(`examples.${x.id}.title`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={`${button} border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`} onClick={addProgram}>
              {t('add')}
            </button>
          </>
        )}
        <button type="button" aria-label={t('close')} title={t('close')} className={`${button} ml-auto text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800`} onClick={toggleCode}>
          ×
        </button>
      </div>
      {example && (
        <p data-code-lesson className="line-clamp-2 border-b border-zinc-200 bg-amber-50 px-3 py-1 text-xs text-zinc-700 dark:border-zinc-800 dark:bg-amber-950/40 dark:text-zinc-200" title={t(`examples.${example}.lesson`)}>
          <span className="mr-1 font-semibold">{t('lessonLabel')}:</span>
          {t(`examples.${example}.lesson`)}
        </p>
      )}
      <div className="flex min-h-0 flex-1 overflow-x-auto">
        {programs.map((p) => (
          <ProgramColumn key={p.id} program={p} only={programs.length === 1} />
        ))}
      </div>
    </section>
  );
}
