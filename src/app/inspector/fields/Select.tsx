import type { ReactNode } from 'react';
import { FieldShell } from './FieldShell';
import { inputClass } from './styles';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  /** Applied at once (one undo step). Return a message to refuse. */
  onCommit: (value: V) => string | null | void;
  hint?: ReactNode;
  badge?: string;
  disabled?: boolean;
  error?: string | null;
}

/** A native select: keyboard-friendly and labelled. */
export function Select<V extends string>({ label, value, options, onCommit, hint, badge, disabled, error }: SelectProps<V>) {
  return (
    <FieldShell label={label} badge={badge} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          value={value}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onCommit(e.target.value as V)}
          onKeyDown={(e) => e.stopPropagation()}
          className={`${inputClass} pr-6`}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
