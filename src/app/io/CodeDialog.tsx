import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_LANGUAGES_INFO, type ClientLanguageId } from '../../scenario/codegen/languages';
import { scenarioFileName } from '../../scenario/file';
import { useDocument } from '../../store/document';
import { copyText } from '../share/clipboard';
import { Modal } from '../shell/Modal';
import { downloadText, stem } from './download';
import { closeCode, useCodeOpen } from './store';

/**
 * The scenario as a client program in the language picked (topology, producers, consumers that
 * behave like the simulation's), to copy or download. The generators load when the dialog opens.
 */
export function CodeDialog() {
  const { t } = useTranslation('io');
  const open = useCodeOpen();
  const doc = useDocument((s) => s.doc);
  const [language, setLanguage] = useState<ClientLanguageId>('amqplib');
  const [code, setCode] = useState<{ language: ClientLanguageId; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void import('../../scenario/codegen').then((m) => {
      if (live) setCode({ language, text: m.generateClientCode(doc, language) });
    });
    return () => {
      live = false;
    };
  }, [open, doc, language]);
  if (!open) return null;
  const info = CLIENT_LANGUAGES_INFO.find((l) => l.id === language) ?? CLIENT_LANGUAGES_INFO[0];
  const text = code?.language === language ? code.text : '';
  const fileName = info.extension ? `${stem(scenarioFileName(doc))}${info.extension}` : info.fileName;
  const button = 'rounded-md px-3 py-1.5 text-sm font-medium';
  const pick = (id: ClientLanguageId) => {
    setLanguage(id);
    setCopied(false);
  };
  return (
    <Modal title={t('code.title')} onClose={closeCode} width="max-w-4xl">
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{t('code.intro')}</p>
      <div role="radiogroup" aria-label={t('code.language')} className="mt-3 flex flex-wrap gap-1">
        {CLIENT_LANGUAGES_INFO.map((l) => (
          <button
            key={l.id}
            type="button"
            role="radio"
            aria-checked={l.id === language}
            data-language={l.id}
            onClick={() => pick(l.id)}
            className={`${button} border ${l.id === language ? 'border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900' : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800'}`}
          >
            {l.label}
          </button>
        ))}
      </div>
      <pre data-code tabIndex={0} data-language={language} aria-busy={!text} className="mt-3 h-[55vh] overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-[0.8125rem] leading-5 text-zinc-100">
        {text || t('code.writing')}
      </pre>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" disabled={!text} onClick={() => downloadText(text, fileName, info.mime)} className={`${button} text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800`}>
          {t('code.download', { file: fileName })}
        </button>
        <button type="button" data-autofocus disabled={!text} onClick={() => void copyText(text).then(setCopied)} className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900`}>
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </div>
    </Modal>
  );
}
