/**
 * Get messages, as on the management UI's queue page: ack mode, encoding, count; then each
 * message with its exchange, routing key, redelivered flag, properties and payload. It runs as the
 * management plugin runs it (basic.get, then reject with requeue as the ack mode says), on the
 * simulated broker, so the queue's counts change on the canvas.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulation } from '../../store/simulation';
import { ACK_MODES, type AckMode, type GotMessage } from '../../worker/management-protocol';
import { buttonClass, hintClass, inputClass, labelClass } from '../inspector/fields/styles';
import { managementCall } from './api';
import { Waiting } from './Waiting';

type Outcome = { kind: 'messages'; messages: GotMessage[] } | { kind: 'error'; text: string } | { kind: 'waiting' } | null;

export default function GetMessages({ vhost, queue }: { vhost: string; queue: string }) {
  const { t } = useTranslation('management');
  const [ackmode, setAckmode] = useState<AckMode>('ack_requeue_true');
  const [encoding, setEncoding] = useState<'auto' | 'base64'>('auto');
  const [count, setCount] = useState('1');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const playing = useSimulation((s) => s.playing);

  const get = async () => {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) {
      setOutcome({ kind: 'error', text: t('problem.count') });
      return;
    }
    setOutcome({ kind: 'waiting' });
    const r = await managementCall({ op: 'get', vhost, queue, count: n, ackmode, encoding });
    if ('error' in r) setOutcome({ kind: 'error', text: r.error });
    else if (r.op === 'get') setOutcome({ kind: 'messages', messages: r.messages });
  };

  return (
    <div className="flex flex-col gap-2" data-get-messages>
      <p className={hintClass}>{t('getHint')}</p>
      <label className="flex flex-col gap-1">
        <span className={labelClass}>{t('ackMode')}</span>
        <select className={inputClass} data-get-field="ackmode" value={ackmode} onChange={(e) => setAckmode(e.target.value as AckMode)}>
          {ACK_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`ackModes.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1">
          <span className={labelClass}>{t('encoding')}</span>
          <select className={inputClass} data-get-field="encoding" value={encoding} onChange={(e) => setEncoding(e.target.value === 'base64' ? 'base64' : 'auto')}>
            <option value="auto">{t('encodingAuto')}</option>
            <option value="base64">{t('encodingBase64')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelClass}>{t('count')}</span>
          <input className={inputClass} data-get-field="count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
      </div>
      <div>
        <button type="button" className={buttonClass} data-get-send disabled={outcome?.kind === 'waiting'} onClick={() => void get()}>
          {t('getMessages')}
        </button>
      </div>
      {outcome?.kind === 'waiting' && <Waiting playing={playing} />}
      {outcome?.kind === 'error' && (
        <p role="status" data-get-outcome="error" className="text-xs text-red-600 dark:text-red-400">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'messages' && <Messages messages={outcome.messages} />}
    </div>
  );
}

function Messages({ messages }: { messages: GotMessage[] }) {
  const { t } = useTranslation('management');
  if (!messages.length) {
    return (
      <p role="status" data-get-outcome="empty" className={hintClass}>
        {t('queueEmpty')}
      </p>
    );
  }
  return (
    <div role="status" data-get-outcome="messages" data-count={messages.length} className="flex flex-col gap-2">
      {messages.map((m, i) => (
        <div key={i} data-got-message={i + 1} data-redelivered={m.redelivered} className="rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
          <div className="mb-1 font-semibold text-zinc-700 dark:text-zinc-200">{t('messageNumber', { n: i + 1 })}</div>
          <p className={hintClass}>{t('remaining', { count: m.message_count })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
            <dt className="text-zinc-500">{t('exchange')}</dt>
            <dd className="font-mono" data-got-field="exchange">{m.exchange || t('defaultExchange')}</dd>
            <dt className="text-zinc-500">{t('routingKey')}</dt>
            <dd className="font-mono" data-got-field="routing-key">{m.routing_key}</dd>
            <dt className="text-zinc-500">{t('redelivered')}</dt>
            <dd data-got-field="redelivered">{m.redelivered ? '●' : '○'}</dd>
            <dt className="text-zinc-500">{t('properties')}</dt>
            <dd className="font-mono break-all" data-got-field="properties">
              {Object.entries(m.properties).map(([k, v]) => (
                <div key={k}>
                  {k}: {typeof v === 'object' ? JSON.stringify(v) : String(v)}
                </div>
              ))}
            </dd>
            <dt className="text-zinc-500">{t('payload')}</dt>
            <dd>
              <div className={hintClass}>{t('payloadBytes', { count: m.payload_bytes, encoding: m.payload_encoding })}</div>
              <pre className="font-mono whitespace-pre-wrap break-all" data-got-field="payload">
                {m.payload}
              </pre>
            </dd>
          </dl>
        </div>
      ))}
    </div>
  );
}
