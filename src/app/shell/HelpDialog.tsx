import { useTranslation } from 'react-i18next';
import { uiStore, useUi } from '../../store/ui';
import { allActions } from '../actions';
import { displayShortcut } from '../actions/keys';
import { Modal } from './Modal';

const GROUPS = ['edit', 'view', 'document', 'simulation'] as const;
const close = () => uiStore.setState({ helpOpen: false });

/** Keyboard shortcuts, read from the action registry so the list is never out of date. */
export function HelpDialog() {
  const { t } = useTranslation('editor');
  const open = useUi((s) => s.helpOpen);
  if (!open) return null;
  const actions = allActions().filter((a) => a.keys?.length);
  return (
    <Modal title={t('help.title')} onClose={close} width="max-w-2xl">
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{t('help.intro')}</p>
      <div className="mt-4 grid grid-cols-1 gap-x-8 gap-y-4 sm:grid-cols-2">
        {GROUPS.map((g) => (
          <section key={g}>
            <h3 className="mb-1 text-[11px] font-semibold tracking-wider text-zinc-500 dark:text-zinc-400 uppercase">{t(`help.group.${g}`)}</h3>
            <dl className="text-sm">
              {actions
                .filter((a) => a.group === g)
                .map((a) => (
                  <div key={a.name} className="flex items-center justify-between gap-4 border-b border-zinc-100 py-1.5 dark:border-zinc-800">
                    <dt className="text-zinc-700 dark:text-zinc-200">{t(`actions.${a.name}`)}</dt>
                    <dd className="flex gap-1">
                      {a.keys!.map((k) => (
                        <kbd key={k} className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs leading-5 text-zinc-700 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200">
                          {displayShortcut(k)}
                        </kbd>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section>
          <h3 className="mb-1 text-[11px] font-semibold tracking-wider text-zinc-500 dark:text-zinc-400 uppercase">{t('help.group.mouse')}</h3>
          <ul className="space-y-1.5 text-sm leading-5 text-zinc-700 dark:text-zinc-200">
            {(['connect', 'boxSelect', 'editKey', 'pan'] as const).map((k) => (
              <li key={k}>{t(`help.mouse.${k}`)}</li>
            ))}
          </ul>
        </section>
      </div>
      <div className="mt-6 flex justify-end">
        <button type="button" data-autofocus onClick={close} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
