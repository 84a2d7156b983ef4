import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generateAmqplib } from '../../scenario/codegen';
import { scenarioFileName } from '../../scenario/file';
import { useDocument } from '../../store/document';
import { copyText } from '../share/clipboard';
import { Modal } from '../shell/Modal';
import { downloadText, stem } from './download';
import { closeCode, useCodeOpen } from './store';

/** The scenario as amqplib code (topology, producers, consumers), to copy or download. */
export function CodeDialog() {
  const { t } = useTranslation('io');
  const open = useCodeOpen();
  const doc = useDocument((s) => s.doc);
  const code = useMemo(() => (open ? generateAmqplib(doc) : ''), [open, doc]);
  const [copied, setCopied] = useState(false);
  if (!open) return null;
  const button = 'rounded-md px-3 py-1.5 text-sm font-medium';
  return (
    <Modal title={t('code.title')} onClose={closeCode} width="max-w-4xl">
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{t('code.intro')}</p>
      <pre data-code className="mt-3 max-h-[60vh] overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-[0.8125rem] leading-5 text-zinc-100">{code}</pre>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={() => downloadText(code, `${stem(scenarioFileName(doc))}.js`, 'text/javascript')} className={`${button} text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800`}>
          {t('code.download')}
        </button>
        <button type="button" data-autofocus onClick={() => void copyText(code).then(setCopied)} className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900`}>
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </div>
    </Modal>
  );
}
