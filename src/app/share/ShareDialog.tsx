import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { Modal } from '../shell/Modal';
import { shareLink } from './addressBar';
import { copyText } from './clipboard';
import { closeShareDialog, useShareDialog } from './store';

function CopyField({ label, value, name, autoFocus }: { label: string; value: string; name: string; autoFocus?: boolean }) {
  const { t } = useTranslation('share');
  const [copied, setCopied] = useState(false);
  return (
    <label className="mt-4 block">
      <span className="mb-1 flex justify-between text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {label}
        <span className="font-normal text-zinc-500 dark:text-zinc-400">{t('length', { count: value.length })}</span>
      </span>
      <span className="flex gap-2">
        <input
          readOnly
          data-share-field={name}
          data-autofocus={autoFocus ? '' : undefined}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
        />
        <button
          type="button"
          onClick={() => void copyText(value).then(setCopied)}
          className="shrink-0 rounded-md bg-zinc-900 px-3 text-xs font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {copied ? t('copiedShort') : t('copy')}
        </button>
      </span>
    </label>
  );
}

/** The link to copy by hand, and an iframe snippet for slides and blog posts. */
export function ShareDialog() {
  const { t } = useTranslation('share');
  const open = useShareDialog((s) => s.open);
  const copyFailed = useShareDialog((s) => s.copyFailed);
  const doc = useDocument((s) => s.doc);
  if (!open) return null;
  const link = shareLink(doc);
  const embed = link.replace('#', '?embed=1&readonly=1#');
  const iframe = `<iframe src="${embed}" width="960" height="540" style="border:0" title="${doc.title.replace(/[<>&"]/g, '')}"></iframe>`;
  return (
    <Modal title={t('dialogTitle')} onClose={closeShareDialog} width="max-w-xl">
      {copyFailed && <p role="alert" className="mt-2 text-sm text-amber-700 dark:text-amber-300">{t('copyFailed')}</p>}
      <CopyField label={t('link')} value={link} name="link" autoFocus />
      <CopyField label={t('embed')} value={iframe} name="embed" />
    </Modal>
  );
}
