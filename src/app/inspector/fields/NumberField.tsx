import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, parseNumber, type NumberRule } from './parse';
import { TextField } from './TextField';
import { useProblemText } from './useProblemText';

export interface NumberFieldProps extends NumberRule {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => string | null | void;
  hint?: ReactNode;
  badge?: string;
  /** One sentence for any invalid input ("A TTL must be a non-negative whole number"), instead of the generic one. */
  invalidMessage?: string;
  /** A unit shown as the placeholder when empty ("ms", "not set"…). */
  placeholder?: string;
  disabled?: boolean;
}

/**
 * A number typed as text (so "abc" can be typed, and explained). With `optional`, an empty field
 * means "not set".
 */
export function NumberField({ label, value, onCommit, hint, badge, invalidMessage, placeholder, disabled, ...rule }: NumberFieldProps) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const validate = (raw: string) => {
    const parsed = parseNumber(raw, rule);
    if (parsed.ok) return null;
    return invalidMessage ?? problemText(parsed.problem);
  };
  return (
    <TextField
      label={label}
      badge={badge}
      hint={hint}
      value={formatNumber(value)}
      placeholder={placeholder ?? (rule.optional ? t('common.notSet') : undefined)}
      disabled={disabled}
      validate={validate}
      onCommit={(raw) => {
        const parsed = parseNumber(raw, rule);
        return parsed.ok ? onCommit(parsed.value) : validate(raw);
      }}
    />
  );
}
