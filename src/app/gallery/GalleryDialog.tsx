import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../scenario/presets';
import { Modal } from '../shell/Modal';
import { localize, useLessonLanguage } from '../lessons/lang';
import { openPreset } from './openPreset';
import { closeGallery, useGalleryOpen } from './store';
import { Thumbnail } from './Thumbnail';
import { openWelcome } from '../welcome/store';

/** Every preset as a card: a drawing of its topology, its title and one-line summary. */
export function GalleryDialog() {
  const { t } = useTranslation('lessons');
  const lang = useLessonLanguage();
  const open = useGalleryOpen();
  if (!open) return null;
  return (
    <Modal title={t('gallery.title')} onClose={closeGallery} width="max-w-5xl">
      <div className="mt-1 flex items-baseline gap-3">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('gallery.intro')}</p>
        <button
          type="button"
          data-open-welcome
          onClick={() => {
            closeGallery();
            openWelcome();
          }}
          className="ml-auto shrink-0 rounded-md px-2 py-1 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-zinc-800"
        >
          {t('editor:actions.openWelcome')} →
        </button>
      </div>
      <ul className="mt-4 grid max-h-[68vh] grid-cols-2 gap-3 overflow-y-auto p-0.5 md:grid-cols-3" data-gallery>
        {PRESETS.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              data-preset={p.id}
              data-autofocus={i === 0 ? '' : undefined}
              onClick={() => {
                closeGallery();
                openPreset(p);
              }}
              className="group flex h-full w-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white text-left transition hover:border-accent-400 hover:shadow-md focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900"
            >
              <span className="block h-28 border-b border-zinc-100 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-950">
                <Thumbnail doc={p.doc} />
              </span>
              <span className="flex flex-1 flex-col gap-1 px-3 py-2.5">
                <span className="flex items-baseline gap-2">
                  <span className="font-mono text-[0.6875rem] text-zinc-500 dark:text-zinc-400">{String(i + 1).padStart(2, '0')}</span>
                  <span className="text-sm font-semibold text-zinc-900 group-hover:text-accent-700 dark:text-white">{localize(p.title, lang)}</span>
                </span>
                <span className="text-xs leading-5 text-zinc-600 dark:text-zinc-400">{localize(p.summary, lang)}</span>
                {p.doc.lesson?.steps.length ? (
                  <span className="mt-auto pt-1 text-[0.6875rem] font-medium text-accent-700 dark:text-accent-400">{t('gallery.steps', { count: p.doc.lesson.steps.length })}</span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
