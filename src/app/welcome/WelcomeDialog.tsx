import { useTranslation } from 'react-i18next';
import type { Preset } from '../../scenario/presets';
import { Modal } from '../shell/Modal';
import { openPreset } from '../gallery/openPreset';
import { Thumbnail } from '../gallery/Thumbnail';
import { localize, useLessonLanguage } from '../lessons/lang';
import { furtherPresets, workModes } from './path';
import { closeWelcome, useWelcomeOpen } from './store';

const start = (p: Preset) => {
  closeWelcome();
  openPreset(p);
};

const number = (n: number) => <span className="font-mono text-[0.6875rem] text-zinc-500 dark:text-zinc-400">{String(n).padStart(2, '0')}</span>;

/**
 * The first thing a new visitor sees: RabbitMQ's five work modes as a path to follow, then the
 * other examples, each one click from opening on the canvas with its lesson.
 */
export function WelcomeDialog() {
  const { t } = useTranslation('welcome');
  const lang = useLessonLanguage();
  const open = useWelcomeOpen();
  if (!open) return null;
  const modes = workModes();
  const further = furtherPresets();
  return (
    <Modal title={t('title')} onClose={closeWelcome} width="max-w-5xl">
      <div data-welcome>
        <p className="mt-1 max-w-3xl text-sm leading-6 text-zinc-600 dark:text-zinc-300">{t('intro')}</p>
        <h3 className="mt-5 mb-2 text-[0.6875rem] font-semibold tracking-wider text-accent-700 uppercase dark:text-accent-400">{t('modes')}</h3>
        <ol className="grid grid-cols-5 gap-2.5">
          {modes.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                data-welcome-preset={p.id}
                data-autofocus={i === 0 ? '' : undefined}
                onClick={() => start(p)}
                className="group flex h-full w-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white text-left transition hover:border-accent-400 hover:shadow-md focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900"
              >
                <span className="block h-20 border-b border-zinc-100 bg-zinc-50 p-1.5 dark:border-zinc-800 dark:bg-zinc-950">
                  <Thumbnail doc={p.doc} />
                </span>
                <span className="flex flex-1 flex-col gap-1 px-2.5 py-2">
                  <span className="flex items-baseline gap-1.5">
                    {number(i + 1)}
                    <span className="text-sm font-semibold text-zinc-900 group-hover:text-accent-700 dark:text-white">{t(`mode.${p.id}`)}</span>
                  </span>
                  <span className="text-xs leading-5 text-zinc-600 dark:text-zinc-400">{localize(p.summary, lang)}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
        <h3 className="mt-5 mb-2 text-[0.6875rem] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{t('further')}</h3>
        <ol className="grid max-h-[32vh] grid-cols-3 gap-x-3 gap-y-0.5 overflow-y-auto">
          {further.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                data-welcome-preset={p.id}
                onClick={() => start(p)}
                className="flex w-full items-baseline gap-2 rounded-md px-2 py-1 text-left text-sm text-zinc-700 hover:bg-zinc-100 hover:text-accent-700 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                {number(modes.length + i + 1)}
                <span className="truncate">{localize(p.title, lang)}</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="mt-5 flex items-center gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <p className="mr-auto text-xs leading-5 text-zinc-500 dark:text-zinc-400">{t('reopen')}</p>
          <button
            type="button"
            data-welcome-empty
            onClick={closeWelcome}
            className="rounded-lg px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {t('empty')}
          </button>
          <button
            type="button"
            data-welcome-start
            onClick={() => start(modes[0])}
            className="rounded-lg bg-accent-600 px-4 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700"
          >
            {t('start', { mode: t(`mode.${modes[0].id}`) })}
          </button>
        </div>
      </div>
    </Modal>
  );
}
