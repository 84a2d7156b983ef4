import { useTranslation } from 'react-i18next';
import { closeConfirm, useUi } from '../../store/ui';
import { Modal } from './Modal';

/** Asks before work is discarded (see `askConfirm` in the UI store). */
export function ConfirmDialog() {
  const { t } = useTranslation('editor');
  const request = useUi((s) => s.confirm);
  if (!request) return null;
  const cancel = () => {
    closeConfirm();
    request.onCancel?.();
  };
  const confirmTone =
    request.tone === 'choice'
      ? 'bg-accent-600 hover:bg-accent-700 focus-visible:ring-accent-400'
      : 'bg-red-600 hover:bg-red-700 focus-visible:ring-red-400';
  return (
    <Modal title={request.title} role="alertdialog" onClose={cancel}>
      <p className="mt-2 text-sm leading-6 text-zinc-600 dark:text-zinc-300">{request.body}</p>
      <div className="mt-6 flex justify-end gap-2">
        <button
          type="button"
          data-autofocus
          onClick={cancel}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          {request.cancelLabel ?? t('cancel')}
        </button>
        <button
          type="button"
          onClick={() => {
            closeConfirm();
            request.onConfirm();
          }}
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-white focus-visible:ring-2 focus-visible:outline-none ${confirmTone}`}
        >
          {request.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
