/**
 * The document inspector's Cluster section: the broker's node list (1–7 nodes, written to the
 * document's `broker.nodes`, one undo step per change), with a word on how clients behave when
 * their node stops. Stopping and starting nodes at set times is on the timeline (timeline/).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatch, getDoc, useDocument } from '../../store/document';
import { brokerConfig, DEFAULT_BROKER_NODES } from '../../scenario/schema';
import { Section } from '../inspector/fields/Section';

const MAX_NODES = 7;

function setNodes(nodes: string[]): void {
  const doc = getDoc();
  dispatch({ type: 'replace', doc: { ...doc, broker: brokerConfig.parse({ ...(doc.broker ?? {}), nodes }) } });
}

/** The next free name in the style of the existing ones: r4@localhost after r3@localhost, else rabbit@r4. */
export function nextNodeName(nodes: readonly string[]): string {
  const style = nodes.find((n) => /^r\d+@/.test(n)) ? (i: number) => `r${i}@${nodes.find((n) => /^r\d+@/.test(n))!.split('@')[1]}` : (i: number) => `rabbit@r${i}`;
  for (let i = 1; ; i++) if (!nodes.includes(style(i))) return style(i);
}

export function ClusterSection() {
  const { t } = useTranslation('cluster');
  const nodes = useDocument((s) => s.doc.broker?.nodes ?? DEFAULT_BROKER_NODES);
  const [rename, setRename] = useState<{ i: number; text: string } | null>(null);

  const commitRename = () => {
    if (!rename) return;
    const name = rename.text.trim();
    setRename(null);
    if (!name || name === nodes[rename.i] || nodes.includes(name) || name.length > 255) return;
    setNodes(nodes.map((n, k) => (k === rename.i ? name : n)));
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
                className="rounded px-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-red-600 disabled:opacity-30 dark:hover:bg-zinc-800"
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

      </div>
    </Section>
  );
}
