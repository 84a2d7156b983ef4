import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { nameOf } from '../../scenario/connections';
import { BindingInspector } from './BindingInspector';
import { Section } from './fields/Section';
import { hintClass } from './fields/styles';
import { NodeHeader } from './NodeHeader';

/** A binding gets its own form; publish and consume edges are explained in a sentence. */
export function EdgeInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const edge = useDocument((s) => s.doc.edges.find((e) => e.id === id));
  const source = useDocument((s) => s.doc.nodes.find((n) => n.id === edge?.source));
  const target = useDocument((s) => s.doc.nodes.find((n) => n.id === edge?.target));
  if (!edge) return null;
  if (edge.kind === 'binding') return <BindingInspector edge={edge} />;
  const from = source ? nameOf(source) : '?';
  const to = target ? nameOf(target) : '?';
  const key = edge.kind === 'publish' ? (target?.kind === 'queue' ? 'edge.publishToQueue' : 'edge.publish') : 'edge.consume';
  return (
    <div data-inspector={edge.kind}>
      <NodeHeader id={id} kind="edge" name={`${from} → ${to}`} />
      <Section title={t(`edge.${edge.kind}Title`)}>
        <p className="text-sm text-zinc-700 dark:text-zinc-200">{t(key, { from, to })}</p>
        <p className={hintClass}>{t(`${key}Hint`)}</p>
      </Section>
    </div>
  );
}
