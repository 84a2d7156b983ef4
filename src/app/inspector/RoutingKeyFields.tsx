import { useTranslation } from 'react-i18next';
import type { RoutingKeySource } from '../../scenario/schema';
import { parseLines } from './fields/parse';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';

type Mode = RoutingKeySource['mode'];

/** Keep what the person typed when they switch modes: a fixed key becomes the first of a list, and back. */
export function switchMode(source: RoutingKeySource, mode: Mode): RoutingKeySource {
  const keys = source.mode === 'fixed' ? [source.key] : source.keys.length ? source.keys : [''];
  switch (mode) {
    case 'fixed':
      return { mode, key: keys[0] ?? '' };
    case 'cycle':
    case 'random':
      return { mode, keys };
    case 'template':
      return { mode, template: source.mode === 'template' ? source.template : 'order.{n}', keys: source.mode === 'fixed' ? [] : keys };
  }
}

/** How a producer picks each message's routing key: one key, a list to cycle or pick from, or a template. */
export function RoutingKeyFields({ value, onCommit }: { value: RoutingKeySource; onCommit: (v: RoutingKeySource) => string | null }) {
  const { t } = useTranslation('inspector');
  const keysText = value.mode === 'fixed' ? '' : value.keys.join('\n');
  const needsOne = (raw: string) => (parseLines(raw).length === 0 ? t('producer.keysRequired') : null);

  return (
    <>
      <Select<Mode>
        label={t('producer.keyMode')}
        value={value.mode}
        options={(['fixed', 'cycle', 'random', 'template'] as const).map((m) => ({ value: m, label: t(`producer.keyModes.${m}`) }))}
        hint={t(`producer.keyModeHints.${value.mode}`)}
        onCommit={(mode) => onCommit(switchMode(value, mode))}
      />
      {value.mode === 'fixed' && (
        <TextField label={t('producer.routingKey')} mono value={value.key} placeholder={t('producer.emptyKey')} onCommit={(key) => onCommit({ mode: 'fixed', key })} />
      )}
      {(value.mode === 'cycle' || value.mode === 'random') && (
        <TextField
          label={t('producer.keys')}
          mono
          multiline
          value={keysText}
          hint={t('producer.keysHint')}
          validate={needsOne}
          onCommit={(raw) => onCommit({ mode: value.mode, keys: parseLines(raw) } as RoutingKeySource)}
        />
      )}
      {value.mode === 'template' && (
        <>
          <TextField
            label={t('producer.template')}
            mono
            value={value.template}
            hint={t('producer.templateHint')}
            onCommit={(template) => onCommit({ ...value, template })}
          />
          <TextField
            label={t('producer.templateKeys')}
            mono
            multiline
            value={keysText}
            hint={t('producer.templateKeysHint')}
            onCommit={(raw) => onCommit({ ...value, keys: parseLines(raw) })}
          />
        </>
      )}
    </>
  );
}
