import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { useShownTitle } from '../shell/useShownTitle';
import { useSimulation } from '../../store/simulation';
import { IconClose } from '../shell/icons';
import { simulation } from '../sim/bridge';
import { usePresenting } from '../present/store';
import { CheckBox } from './CheckBox';
import { followRun } from './followRun';
import { localize, useLessonLanguage } from './lang';
import { goToStep, nextStep, previousStep, setLessonOpen, useLesson } from './store';

function PlayButton() {
  const { t } = useTranslation('lessons');
  const playing = useSimulation((s) => s.playing);
  return (
    <button
      type="button"
      data-lesson-play
      onClick={() => simulation().command({ type: playing ? 'pause' : 'play' })}
      className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden fill="currentColor">
        {playing ? <path d="M2 1h3v10H2zM7 1h3v10H7z" /> : <path d="M2 1l9 5-9 5z" />}
      </svg>
      {playing ? t('pause') : t('play')}
    </button>
  );
}

/** The lesson of the open document: one step at a time, with its check answered by the simulation. */
export function LessonPanel() {
  const { t } = useTranslation('lessons');
  const lang = useLessonLanguage();
  const lesson = useDocument((s) => s.doc.lesson);
  const title = useShownTitle();
  const index = useLesson((s) => s.step);
  const done = useLesson((s) => s.done);
  const presenting = usePresenting();
  const steps = lesson?.steps ?? [];
  const step = steps[index];
  const last = index >= steps.length - 1;
  const big = presenting;
  // The step's Play instruction follows the run, like the goal box does.
  const run = useSimulation((s) => (s.playing ? 'playing' : s.t > 0 ? 'paused' : 'stopped'));
  const body = step ? followRun(localize(step.body, lang), run, lang, (state) => t(`run.${state}`, { lng: lang })) : '';
  return (
    <aside
      aria-label={t('panel')}
      data-lesson-panel
      data-step={index}
      className={`flex shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950 ${big ? 'w-[min(420px,20vw)]' : 'w-[min(320px,20vw)]'}`}
    >
      <header className="flex items-start gap-2 px-5 pt-4 pb-3">
        <div className="min-w-0 flex-1">
          <div className="text-[0.6875rem] font-semibold tracking-wider text-accent-600 uppercase dark:text-accent-400">{t('panel')}</div>
          <div className={`truncate font-semibold text-zinc-900 dark:text-white ${big ? 'text-lg' : 'text-sm'}`}>{title}</div>
        </div>
        {!presenting && (
          <button type="button" aria-label={t('close')} title={t('close')} onClick={() => setLessonOpen(false)} className="rounded-md p-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200">
            <IconClose />
          </button>
        )}
      </header>
      {step ? (
        <>
          <nav aria-label={t('stepOf', { n: index + 1, total: steps.length })} className="px-5">
            <div className="mb-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400" data-lesson-progress>
              {t('stepOf', { n: index + 1, total: steps.length })}
            </div>
            <ol className="flex gap-1">
              {steps.map((_, i) => (
                <li key={i} className="flex-1">
                  <button
                    type="button"
                    aria-label={t('goTo', { n: i + 1 })}
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => goToStep(i)}
                    className={`block h-1.5 w-full rounded-full ${
                      i === index ? 'bg-accent-500' : done.includes(i) || i < index ? 'bg-accent-300 dark:bg-accent-700' : 'bg-zinc-200 dark:bg-zinc-800'
                    }`}
                  />
                </li>
              ))}
            </ol>
          </nav>
          <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 pt-5 pb-4">
            <h2 data-lesson-title className={`font-semibold tracking-tight text-zinc-900 dark:text-white ${big ? 'text-2xl' : 'text-lg'}`}>
              {localize(step.title, lang)}
            </h2>
            <p data-lesson-body data-run={run} className={`whitespace-pre-line text-zinc-700 dark:text-zinc-300 ${big ? 'text-lg leading-8' : 'text-[0.9375rem] leading-7'}`}>
              {body}
            </p>
            {step.check && <CheckBox key={index} check={step.check} step={index} />}
          </div>
          <footer className="flex items-center gap-1 border-t border-zinc-200 px-4 py-3 whitespace-nowrap dark:border-zinc-800">
            <PlayButton />
            <div className="ml-auto flex gap-1">
              <button
                type="button"
                disabled={index === 0}
                onClick={previousStep}
                className="rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-35 dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                {t('back')}
              </button>
              <button
                type="button"
                disabled={last}
                onClick={nextStep}
                className="rounded-lg bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-zinc-700 disabled:opacity-35 dark:bg-zinc-100 dark:text-zinc-900"
              >
                {t('next')}
              </button>
            </div>
          </footer>
        </>
      ) : (
        <p className="px-5 text-sm text-zinc-500 dark:text-zinc-400">{t('noLesson')}</p>
      )}
    </aside>
  );
}
