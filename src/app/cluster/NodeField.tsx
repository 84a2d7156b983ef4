/** The cluster node a queue is declared from, or a client connects to (shown for a cluster only). */
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { Select } from '../inspector/fields/Select';

export function NodeField({ value, kind, onCommit }: { value: string | undefined; kind: 'queue' | 'connection'; onCommit: (node: string | undefined) => string | null | void }) {
  const { t } = useTranslation('cluster');
  const nodes = useDocument((s) => s.doc.broker?.nodes);
  if (!nodes || nodes.length < 2) return null;
  const known = value === undefined || nodes.includes(value);
  const options = [
    { value: '', label: t('firstNode', { node: nodes[0] }) },
    ...nodes.map((n) => ({ value: n, label: n })),
    ...(known ? [] : [{ value: value, label: t('unknownNode', { node: value }) }]),
  ];
  return (
    <Select
      label={t('node')}
      value={value ?? ''}
      options={options}
      hint={t(kind === 'queue' ? 'queueNodeHint' : 'connectionNodeHint')}
      error={known ? null : t('unknownNode', { node: value })}
      onCommit={(v) => onCommit(v === '' ? undefined : v)}
    />
  );
}
