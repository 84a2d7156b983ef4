import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismiss, useUi, type Toast } from '../../store/ui';
import { useCluster } from '../cluster/store';
import { IconClose } from './icons';

const LIFETIME_MS = 5000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation('editor');
  useEffect(() => {
    if (toast.kind === 'error' || toast.action) return;
    const id = setTimeout(() => dismiss(toast.id), LIFETIME_MS);
    return () => clearTimeout(id);
  }, [toast]);
  const error = toast.kind === 'error';
  return (
    <div
      role={error ? 'alert' : 'status'}
      data-toast={toast.kind}
      className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border bg-white px-4 py-3 text-sm shadow-lg dark:bg-zinc-900 ${
        error ? 'border-red-200 border-l-4 border-l-red-500 dark:border-red-900' : 'border-zinc-200 dark:border-zinc-700'
      }`}
    >
      <p className="flex-1 leading-5 text-zinc-800 dark:text-zinc-100">{toast.text}</p>
      {toast.action && (
        <button
          type="button"
          onClick={toast.action.run}
          className="shrink-0 rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" aria-label={t('dismiss')} onClick={() => dismiss(toast.id)} className="shrink-0 text-zinc-500 dark:text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200">
        <IconClose />
      </button>
    </div>
  );
}

/**
 * Messages to the user, centred at the top of the window, below the cluster's node strip when there
 * is one (a toast over it hid the buttons that stop and start nodes for its five seconds).
 */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const belowStrip = useCluster((s) => (s.status?.nodes.length ?? 0) > 1);
  return (
    <div className={`pointer-events-none fixed inset-x-0 z-50 flex flex-col items-center gap-2 px-4 ${belowStrip ? 'top-[6.5rem]' : 'top-16'}`}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
