import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useDocument } from '../../store/document';
import type { ScenarioEdge } from '../../scenario/schema';
import { nameOf } from '../../scenario/connections';
import { commitBinding } from './commit';
import { KeyValueTable } from './fields/KeyValueTable';
import { Section } from './fields/Section';
import { Select } from './fields/Select';
import { hintClass, inputClass, labelClass } from './fields/styles';
import { TextField } from './fields/TextField';
import { useProblemText } from './fields/useProblemText';
import { NodeHeader } from './NodeHeader';
import { checkTopicBindingKey, topicMatches } from './validate';

type Binding = Extract<ScenarioEdge, { kind: 'binding' }>;
type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

/** Routing keys the producers publishing to this exchange use, as examples for a topic pattern. */
function useExampleKeys(exchangeId: string): string[] {
  return useDocument(
    useShallow((s) => {
      const producers = new Set(s.doc.edges.filter((e) => e.kind === 'publish' && e.target === exchangeId).map((e) => e.source));
      const keys = s.doc.nodes.flatMap((n) => {
        if (n.kind !== 'producer' || !producers.has(n.id)) return [];
        const rk = n.config.routingKey;
        return rk.mode === 'fixed' ? [rk.key] : rk.keys;
      });
      return [...new Set(keys)].slice(0, 12);
    }),
  );
}

function TopicPreview({ pattern, examples }: { pattern: string; examples: string[] }) {
  const { t } = useTranslation('inspector');
  const [probe, setProbe] = useState('');
  const keys = probe ? [probe, ...examples.filter((k) => k !== probe)] : examples;
  if (checkTopicBindingKey(pattern)) return null;
  return (
    <div className="flex flex-col gap-1 rounded-md bg-zinc-50 p-2 dark:bg-zinc-900/60">
      <label className={labelClass} htmlFor="inspector-topic-probe">{t('binding.tryKey')}</label>
      <input id="inspector-topic-probe" value={probe} onChange={(e) => setProbe(e.target.value)} onKeyDown={(e) => e.stopPropagation()}
        placeholder="quick.orange.rabbit" spellCheck={false} autoComplete="off" className={`${inputClass} font-mono`} />
      {keys.length > 0 && (
        <ul className="flex flex-col gap-0.5" aria-label={t('binding.examples')}>
          {keys.map((k) => {
            const hit = topicMatches(pattern, k);
            return (
              <li key={k} data-matches={hit} className="flex items-center gap-1.5 font-mono text-xs">
                <span aria-hidden="true" className={hit ? 'text-emerald-600 dark:text-emerald-400' : 'text-zinc-500 dark:text-zinc-400'}>{hit ? '✓' : '✗'}</span>
                <span className="truncate">{k === '' ? t('binding.emptyKey') : k}</span>
                <span className="sr-only">{hit ? t('binding.matches') : t('binding.noMatch')}</span>
              </li>
            );
          })}
        </ul>
      )}
      {!keys.length && <p className={hintClass}>{t('binding.noExamples')}</p>}
    </div>
  );
}

/** Binding key and arguments of an exchange → queue (or exchange) binding, explained for its exchange type. */
export function BindingInspector({ edge }: { edge: Binding }) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const source = useDocument((s) => s.doc.nodes.find((n) => n.id === edge.source));
  const target = useDocument((s) => s.doc.nodes.find((n) => n.id === edge.target));
  const examples = useExampleKeys(edge.source);
  const type = source?.kind === 'exchange' ? source.config.type : 'direct';
  const title = `${source ? nameOf(source) : '?'} → ${target ? nameOf(target) : '?'}`;
  const { 'x-match': xMatch, ...otherArgs } = edge.arguments;
  const setArgs = (args: Record<string, string | number | boolean | null>, match = xMatch) =>
    commitBinding(edge.id, { arguments: type === 'headers' ? { 'x-match': match ?? 'all', ...args } : args });
  const topicProblem = (v: string) => {
    const p = type === 'topic' ? checkTopicBindingKey(v) : null;
    return p && problemText(p);
  };

  return (
    <div data-inspector="binding">
      <NodeHeader id={edge.id} kind="edge" name={title} />
      <Section title={t('binding.title')}>
        <p className={hintClass}>{t('binding.summary', { source: source ? nameOf(source) : '?', type, target: target ? nameOf(target) : '?', kind: t(`nouns.${target?.kind ?? 'queue'}`) })}</p>
        {type === 'fanout' || type === 'headers' ? (
          <p className="rounded-md bg-zinc-50 p-2 text-xs text-zinc-600 dark:bg-zinc-900/60 dark:text-zinc-300">{t(`binding.ignored.${type}`)}</p>
        ) : null}
        <TextField
          label={t('binding.key')}
          mono
          value={edge.bindingKey}
          placeholder={t('binding.emptyKey')}
          hint={t(`binding.keyHints.${type}`)}
          validate={topicProblem}
          onCommit={(bindingKey) => commitBinding(edge.id, { bindingKey })}
        >
          {(draft) => (type === 'topic' ? <TopicPreview pattern={draft} examples={examples} /> : null)}
        </TextField>
      </Section>
      {type === 'headers' ? (
        <Section title={t('binding.headersTitle')}>
          <Select<XMatch>
            label="x-match"
            value={(typeof xMatch === 'string' ? xMatch : 'all') as XMatch}
            options={(['all', 'any', 'all-with-x', 'any-with-x'] as const).map((m) => ({ value: m, label: m }))}
            hint={t(`binding.xMatch.${(typeof xMatch === 'string' ? xMatch : 'all') as XMatch}`)}
            onCommit={(m) => setArgs(otherArgs, m)}
          />
          <KeyValueTable label={t('binding.headers')} keyLabel={t('producer.header')} value={otherArgs} hint={t('binding.headersHint')} onCommit={(a) => setArgs(a)} />
        </Section>
      ) : (
        <Section title={t('binding.argumentsTitle')} collapsed>
          <KeyValueTable label={t('binding.arguments')} keyLabel={t('binding.argument')} value={edge.arguments} onCommit={(a) => setArgs(a)} />
        </Section>
      )}
    </div>
  );
}
