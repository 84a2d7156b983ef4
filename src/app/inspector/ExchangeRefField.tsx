import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';

export interface ExchangeRefFieldProps {
  label: string;
  badge?: string;
  hint?: string;
  /** The exchange's name; for a dead-letter exchange, undefined is "not set" and '' the default exchange. */
  value: string | undefined;
  onCommit: (value: string | undefined) => string | null | void;
  exchanges: string[];
  /** `dlx`: not set / default exchange / a name; `alternate`: '' is none. */
  mode: 'dlx' | 'alternate';
  /** The exchange being edited, which cannot be its own alternate. */
  self?: string;
}

const UNSET = '\u0000unset';
const DEFAULT = '\u0000default';
const OTHER = '\u0000other';

/** Pick an exchange on the canvas, the default exchange, or type any name (it may be declared later). */
export function ExchangeRefField({ label, badge, hint, value, onCommit, exchanges, mode, self }: ExchangeRefFieldProps) {
  const { t } = useTranslation('inspector');
  const names = exchanges.filter((n) => n !== self);
  const known = value === undefined || value === '' || names.includes(value);
  const [other, setOther] = useState(!known);
  const unset = mode === 'dlx' ? value === undefined : value === '';
  const selected = other ? OTHER : unset ? UNSET : value === '' ? DEFAULT : (value as string);

  const options = [
    { value: UNSET, label: mode === 'dlx' ? t('exchangeRef.notSet') : t('exchangeRef.none') },
    ...(mode === 'dlx' ? [{ value: DEFAULT, label: t('exchangeRef.default') }] : []),
    ...names.map((n) => ({ value: n, label: n })),
    { value: OTHER, label: t('exchangeRef.other') },
  ];

  const choose = (v: string) => {
    if (v === OTHER) {
      setOther(true);
      return null;
    }
    setOther(false);
    if (v === UNSET) return onCommit(mode === 'dlx' ? undefined : '');
    if (v === DEFAULT) return onCommit('');
    return onCommit(v);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <Select label={label} badge={badge} hint={other ? undefined : hint} value={selected} options={options} onCommit={choose} />
      {other && (
        <TextField
          label={t('exchangeRef.name', { field: label })}
          hint={hint}
          mono
          value={value ?? ''}
          validate={(raw) => (raw === '' ? t('exchangeRef.nameRequired') : null)}
          onCommit={(raw) => onCommit(raw)}
        />
      )}
    </div>
  );
}
