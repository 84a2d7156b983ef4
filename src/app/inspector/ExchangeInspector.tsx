import { useTranslation } from 'react-i18next';
import { getDoc } from '../../store/document';
import { exchangeType, type ExchangeType } from '../../scenario/schema';
import { commitNode, renameExchange } from './commit';
import { ExchangeRefField } from './ExchangeRefField';
import { Section } from './fields/Section';
import { Later } from './fields/Later';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';
import { useProblemText } from './fields/useProblemText';
import { useExchangeNames, useNodeConfig } from './hooks';
import { NodeHeader } from './NodeHeader';
import { VhostSection } from './VhostSection';
import { checkEntityName } from './validate';
import { ExchangeManagement } from '../management/sections';

/** Name, type, flags and alternate exchange of an exchange. */
export function ExchangeInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const config = useNodeConfig(id, 'exchange');
  const exchanges = useExchangeNames(config?.vhost ?? '/');
  if (!config) return null;
  const commit = (patch: Parameters<typeof commitNode<'exchange'>>[2]) => commitNode(id, 'exchange', patch);
  const checkName = (name: string, vhost = config.vhost) => {
    const p = checkEntityName(getDoc(), 'exchange', id, name, vhost);
    return p && problemText(p);
  };

  return (
    <div data-inspector="exchange">
      <NodeHeader id={id} kind="exchange" name={config.name} />
      <Section title={t('section.general')}>
        <TextField label={t('common.name')} mono value={config.name} validate={(v) => checkName(v)} onCommit={(name) => renameExchange(id, name)} />
        <Select<ExchangeType>
          label={t('exchange.type')}
          value={config.type}
          options={exchangeType.options.map((v) => ({ value: v, label: v }))}
          hint={t(`exchange.types.${config.type}`)}
          onCommit={(type) => commit({ type })}
        />
      </Section>
      <Section title={t('section.flags')}>
        <Toggle label={t('exchange.durable')} badge="D" hint={t('exchange.durableHint')} checked={config.durable} onCommit={(durable) => commit({ durable })} />
        <Toggle label={t('exchange.autoDelete')} badge="AD" hint={t('exchange.autoDeleteHint')} checked={config.autoDelete} onCommit={(autoDelete) => commit({ autoDelete })} />
        <Toggle label={t('exchange.internal')} badge="I" hint={t('exchange.internalHint')} checked={config.internal} onCommit={(internal) => commit({ internal })} />
        <ExchangeRefField
          label={t('exchange.alternate')}
          badge="AE"
          hint={t('exchange.alternateHint')}
          mode="alternate"
          self={config.name}
          exchanges={exchanges}
          value={config.alternateExchange}
          onCommit={(v) => commit({ alternateExchange: v ?? '' })}
        />
      </Section>
      <Later>
        <ExchangeManagement vhost={config.vhost} exchange={config.name} />
        <VhostSection vhost={config.vhost} check={(v) => checkName(config.name, v)} onCommit={(vhost) => commit({ vhost })} />
      </Later>
    </div>
  );
}
