import { useTranslation } from 'react-i18next';
import { commitNode } from './commit';
import { ConnectionFields } from './ConnectionFields';
import { NumberField } from './fields/NumberField';
import { Section } from './fields/Section';
import { Later } from './fields/Later';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';
import { useProblemText } from './fields/useProblemText';
import { useNodeConfig } from './hooks';
import { NodeHeader } from './NodeHeader';
import { PropertiesFields } from './PropertiesFields';
import { RoutingKeyFields } from './RoutingKeyFields';
import { checkAgentName } from './validate';

/** What a producer publishes, how often, and how it connects. */
export function ProducerInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const config = useNodeConfig(id, 'producer');
  if (!config) return null;
  const commit = (patch: Parameters<typeof commitNode<'producer'>>[2]) => commitNode(id, 'producer', patch);
  const nameProblem = (v: string) => {
    const p = checkAgentName(v);
    return p && problemText(p);
  };

  return (
    <div data-inspector="producer">
      <NodeHeader id={id} kind="producer" name={config.name} />
      <Section title={t('section.general')}>
        <TextField label={t('common.name')} value={config.name} validate={nameProblem} onCommit={(name) => commit({ name })} />
        <NumberField label={t('producer.rate')} min={0} max={100_000} value={config.rate} hint={t('producer.rateHint')} onCommit={(rate) => commit({ rate })} />
        <NumberField label={t('producer.limit')} integer min={0} value={config.limit} hint={t('producer.limitHint')} onCommit={(limit) => commit({ limit })} />
      </Section>
      <Section title={t('section.routing')}>
        <RoutingKeyFields value={config.routingKey} onCommit={(routingKey) => commit({ routingKey })} />
        <TextField label={t('producer.body')} mono multiline rows={2} value={config.body} hint={t('producer.bodyHint')} onCommit={(body) => commit({ body })} />
      </Section>
      <Later>
        <PropertiesFields value={config.properties} onCommit={(properties) => commit({ properties })} />
        <Section title={t('section.publishing')}>
          <Toggle label={t('producer.mandatory')} hint={t('producer.mandatoryHint')} checked={config.mandatory} onCommit={(mandatory) => commit({ mandatory })} />
          <Toggle label={t('producer.confirm')} hint={t('producer.confirmHint')} checked={config.confirm} onCommit={(confirm) => commit({ confirm })} />
        </Section>
        <ConnectionFields value={config.connection} onCommit={(connection) => commit({ connection })} />
      </Later>
    </div>
  );
}
