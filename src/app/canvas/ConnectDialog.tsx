/**
 * The "Connect to…" dialog (C on a selected node): every connection the node can make, each a
 * button named by what it does ("Bind queue orders to this exchange"), and the binding key to
 * use for a binding. Enter on a button connects; Escape closes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { Modal } from '../shell/Modal';
import { inputClass, labelClass, hintClass } from '../inspector/fields/styles';
import { connectOptions, type ConnectOption } from './connectOptions';
import { applyConnect, closeConnect, useConnectFrom } from './connectTo';

export function ConnectDialog() {
  const from = useConnectFrom();
  if (!from) return null;
  return <ConnectChoices from={from} />;
}

function ConnectChoices({ from }: { from: string }) {
  const { t } = useTranslation('editor');
  const doc = useDocument((s) => s.doc);
  const [key, setKey] = useState('');
  const self = doc.nodes.find((n) => n.id === from);
  if (!self || self.kind === 'note') return null;
  const options = connectOptions(doc, from);
  const nameOf = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n && n.kind !== 'note' ? n.config.name : id;
  };
  const label = (o: ConnectOption) =>
    t(`connect.option.${o.kind}.${o.source === from ? 'out' : 'in'}`, { other: nameOf(o.other), kind: t(`inspector:nouns.${doc.nodes.find((n) => n.id === o.other)?.kind ?? 'queue'}`) });
  const choose = (o: ConnectOption) => {
    if (applyConnect(o, key.trim())) closeConnect();
  };
  const hasBinding = options.some((o) => o.kind === 'binding');
  return (
    <Modal title={t('connect.title', { name: self.config.name })} onClose={closeConnect}>
      {options.length === 0 ? (
        <p className={`mt-3 ${hintClass}`}>{t('connect.none')}</p>
      ) : (
        <>
          {hasBinding && (
            <label className="mt-3 flex flex-col gap-1">
              <span className={labelClass}>{t('connect.bindingKey')}</span>
              <input className={`${inputClass} font-mono`} value={key} onChange={(e) => setKey(e.target.value)} data-connect-key />
              <span className={hintClass}>{t('connect.bindingKeyHint')}</span>
            </label>
          )}
          <ul className="mt-3 flex max-h-80 flex-col gap-1 overflow-y-auto" aria-label={t('connect.options')}>
            {options.map((o, i) => (
              <li key={`${o.kind}:${o.source}:${o.target}`}>
                <button
                  type="button"
                  data-autofocus={i === 0 && !hasBinding ? true : undefined}
                  data-connect-option={o.kind}
                  onClick={() => choose(o)}
                  className="w-full rounded-md border border-zinc-200 px-3 py-2 text-left text-sm text-zinc-800 hover:border-accent-500 hover:bg-accent-50 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
                >
                  {label(o)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
