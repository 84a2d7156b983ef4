/**
 * Publish message, as on the management UI's exchange and queue pages: routing key (an exchange
 * only: on a queue it publishes to the default exchange with the queue's name), delivery mode,
 * headers with their types, properties, payload. The simulated broker takes it like any publish,
 * so it routes and animates on the canvas; the answer is the management UI's.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulation } from '../../store/simulation';
import { buttonClass, hintClass, inputClass, labelClass } from '../inspector/fields/styles';
import { managementCall } from './api';
import { emptyDraft, propertiesOf, TEXT_PROPERTIES, type PublishDraft } from './form';
import { HeaderRows } from './HeaderRows';
import { Waiting } from './Waiting';

type Outcome = { kind: 'routed' | 'unrouted' } | { kind: 'error'; text: string } | { kind: 'waiting' } | null;

export default function PublishMessage({ vhost, exchange, queue }: { vhost: string; exchange?: string; queue?: string }) {
  const { t } = useTranslation('management');
  const [routingKey, setRoutingKey] = useState('');
  const [draft, setDraft] = useState<PublishDraft>(emptyDraft);
  const [payload, setPayload] = useState('');
  const [encoding, setEncoding] = useState<'string' | 'base64'>('string');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const playing = useSimulation((s) => s.playing);
  const set = (patch: Partial<PublishDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const send = async () => {
    const checked = propertiesOf(draft);
    if (!checked.ok) {
      setOutcome({ kind: 'error', text: t(`problem.${checked.problem.key}`, { name: checked.problem.name }) });
      return;
    }
    setOutcome({ kind: 'waiting' });
    const r = await managementCall({
      op: 'publish',
      vhost,
      exchange: exchange ?? '',
      routingKey: exchange !== undefined ? routingKey : (queue ?? ''),
      payload,
      payloadEncoding: encoding,
      properties: checked.properties,
    });
    if ('error' in r) setOutcome({ kind: 'error', text: r.error });
    else if (r.op === 'publish') setOutcome({ kind: r.routed ? 'routed' : 'unrouted' });
  };

  return (
    <div className="flex flex-col gap-2" data-publish-message>
      {exchange !== undefined && (
        <label className="flex flex-col gap-1">
          <span className={labelClass}>{t('routingKey')}</span>
          <input className={`${inputClass} font-mono`} data-publish-field="routing-key" value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} />
        </label>
      )}
      {queue !== undefined && <p className={hintClass}>{t('queueHint', { queue })}</p>}
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t('deliveryMode')}</span>
        <select className={inputClass} data-publish-field="delivery-mode" value={draft.deliveryMode} onChange={(e) => set({ deliveryMode: e.target.value === '2' ? 2 : 1 })}>
          <option value={1}>{t('nonPersistent')}</option>
          <option value={2}>{t('persistent')}</option>
        </select>
      </label>
      <HeaderRows rows={draft.headers} onChange={(headers) => set({ headers })} />
      <fieldset className="flex flex-col gap-1">
        <legend className={labelClass}>{t('properties')}</legend>
        <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1">
          {TEXT_PROPERTIES.map((name) => (
            <label key={name} className="contents">
              <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{name}</span>
              <input className={`${inputClass} font-mono`} data-publish-property={name} value={draft.text[name] ?? ''} onChange={(e) => set({ text: { ...draft.text, [name]: e.target.value } })} />
            </label>
          ))}
          <label className="contents">
            <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">priority</span>
            <input className={`${inputClass} font-mono`} data-publish-property="priority" inputMode="numeric" value={draft.priority} onChange={(e) => set({ priority: e.target.value })} />
          </label>
          <label className="contents">
            <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">timestamp</span>
            <input className={`${inputClass} font-mono`} data-publish-property="timestamp" inputMode="numeric" value={draft.timestamp} onChange={(e) => set({ timestamp: e.target.value })} />
          </label>
        </div>
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t('payload')}</span>
        <textarea className={`${inputClass} min-h-16 font-mono`} data-publish-field="payload" value={payload} onChange={(e) => setPayload(e.target.value)} />
      </label>
      <label className="flex items-center gap-2">
        <span className={labelClass}>{t('payloadEncoding')}</span>
        <select className={inputClass} data-publish-field="payload-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value === 'base64' ? 'base64' : 'string')}>
          <option value="string">{t('encodingString')}</option>
          <option value="base64">{t('encodingBase64')}</option>
        </select>
      </label>
      <div>
        <button type="button" className={buttonClass} data-publish-send disabled={outcome?.kind === 'waiting'} onClick={() => void send()}>
          {t('publish')}
        </button>
      </div>
      {outcome?.kind === 'waiting' && <Waiting playing={playing} />}
      {outcome && outcome.kind !== 'waiting' && (
        <p role="status" data-publish-outcome={outcome.kind} className={`text-xs ${outcome.kind === 'error' ? 'text-red-600 dark:text-red-400' : outcome.kind === 'unrouted' ? 'text-amber-700 dark:text-amber-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
          {outcome.kind === 'error' ? outcome.text : t(outcome.kind === 'routed' ? 'published' : 'publishedNotRouted')}
        </p>
      )}
    </div>
  );
}
