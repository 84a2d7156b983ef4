/**
 * The document inspector's Cluster section: the broker's node list (1–7 nodes, written to the
 * document's `broker.nodes`, one undo step per change) and the timeline's node actions
 * ("at 10 s stop r2"), with a word on how clients behave when their node stops.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatch, getDoc, useDocument } from '../../store/document';
import { brokerConfig, type TimelineEntry } from '../../scenario/schema';
import { Section } from '../inspector/fields/Section';
import { shortNode } from './store';

const MAX_NODES = 7;
const DEFAULT_NODES = ['rabbit@localhost'];

function setNodes(nodes: string[]): void {
  const doc = getDoc();
  dispatch({ type: 'replace', doc: { ...doc, broker: brokerConfig.parse({ ...(doc.broker ?? {}), nodes }) } });
}

/** The next free name in the style of the existing ones: r4@localhost after r3@localhost, else rabbit@r4. */
export function nextNodeName(nodes: readonly string[]): string {
  const style = nodes.find((n) => /^r\d+@/.test(n)) ? (i: number) => `r${i}@${nodes.find((n) => /^r\d+@/.test(n))!.split('@')[1]}` : (i: number) => `rabbit@r${i}`;
  for (let i = 1; ; i++) if (!nodes.includes(style(i))) return style(i);
}

function describe(t: (k: string, o?: Record<string, unknown>) => string, e: TimelineEntry): string {
  const a = e.action;
  const at = t('at', { seconds: e.at / 1000 });
  if (a.type === 'stop-node' || a.type === 'start-node') return `${at} ${t(a.type === 'stop-node' ? 'stop' : 'start')} ${shortNode(a.node)}`;
  return `${at} ${a.type}`;
}

export function ClusterSection() {
  const { t } = useTranslation('cluster');
  const nodes = useDocument((s) => s.doc.broker?.nodes ?? DEFAULT_NODES);
  const timeline = useDocument((s) => s.doc.timeline);
  const [seconds, setSeconds] = useState('10');
  const [action, setAction] = useState<'stop-node' | 'start-node'>('stop-node');
  const [target, setTarget] = useState('');
  const [rename, setRename] = useState<{ i: number; text: string } | null>(null);
  const node = nodes.includes(target) ? target : (nodes[1] ?? nodes[0]);
  const entries = (timeline ?? []).map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at);

  const commitRename = () => {
    if (!rename) return;
    const name = rename.text.trim();
    setRename(null);
    if (!name || name === nodes[rename.i] || nodes.includes(name) || name.length > 255) return;
    setNodes(nodes.map((n, k) => (k === rename.i ? name : n)));
  };
  const add = () => {
    const s = Number(seconds);
    if (!Number.isFinite(s) || s < 0) return;
    const entry: TimelineEntry = { at: Math.round(s * 1000), action: { type: action, node } };
    dispatch({ type: 'set-meta', patch: { timeline: [...(getDoc().timeline ?? []), entry] } });
  };
  const remove = (i: number) => {
    const next = (getDoc().timeline ?? []).filter((_, k) => k !== i);
    dispatch({ type: 'set-meta', patch: { timeline: next.length ? next : undefined } });
  };

  return (
    <Section title={t('cluster')}>
      <div data-cluster-panel className="flex flex-col gap-1.5">
        <div className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{t('nodes', { count: nodes.length })}</div>
        <ul className="flex flex-col gap-1">
          {nodes.map((n, i) => (
            <li key={n} className="flex items-center gap-1">
              <input
                aria-label={t('nodeName', { index: i + 1 })}
                value={rename?.i === i ? rename.text : n}
                onChange={(e) => setRename({ i, text: e.target.value })}
                onBlur={commitRename}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitRename();
                  if (e.key === 'Escape') setRename(null);
                }}
                className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
              />
              <button
                type="button"
                disabled={nodes.length <= 1}
                onClick={() => setNodes(nodes.filter((x) => x !== n))}
                aria-label={t('removeNode', { node: n })}
                className="rounded px-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 disabled:opacity-30 dark:hover:bg-zinc-800"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          disabled={nodes.length >= MAX_NODES}
          onClick={() => setNodes([...nodes, nextNodeName(nodes)])}
          className="self-start rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          + {t('addNode')}
        </button>
        <p className="text-[11px] leading-4 text-zinc-500 dark:text-zinc-400">{t('panelHint')}</p>

        <div className="mt-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">{t('timeline')}</div>
        {entries.length > 0 && (
          <ul data-timeline className="flex flex-col gap-0.5">
            {entries.map(({ e, i }) => (
              <li key={i} data-timeline-entry className="flex items-center gap-1 text-xs">
                <span className="flex-1 font-mono">{describe(t, e)}</span>
                <button type="button" onClick={() => remove(i)} aria-label={t('removeEntry', { entry: describe(t, e) })} className="rounded px-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 dark:hover:bg-zinc-800">
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-center gap-1 text-xs">
          <span>{t('atLabel')}</span>
          <input aria-label={t('seconds')} inputMode="decimal" value={seconds} onChange={(e) => setSeconds(e.target.value)} className="w-10 rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900" />
          <span>s</span>
          <select aria-label={t('action')} value={action} onChange={(e) => setAction(e.target.value as 'stop-node' | 'start-node')} className="rounded border border-zinc-300 bg-white py-0.5 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="stop-node">{t('stop')}</option>
            <option value="start-node">{t('start')}</option>
          </select>
          <select aria-label={t('node')} value={node} onChange={(e) => setTarget(e.target.value)} className="min-w-0 flex-1 rounded border border-zinc-300 bg-white py-0.5 dark:border-zinc-700 dark:bg-zinc-900">
            {nodes.map((n) => (
              <option key={n} value={n}>
                {shortNode(n)}
              </option>
            ))}
          </select>
          <button type="button" onClick={add} className="rounded bg-zinc-900 px-2 py-0.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
            {t('add')}
          </button>
        </div>
      </div>
    </Section>
  );
}
