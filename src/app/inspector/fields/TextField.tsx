import type { KeyboardEvent, ReactNode } from 'react';
import { FieldShell } from './FieldShell';
import { inputClass } from './styles';
import { useDraft } from './useDraft';

export interface TextFieldProps {
  label: string;
  value: string;
  /** Apply a valid value; return a message to refuse it (the draft stays, with the message). */
  onCommit: (raw: string) => string | null | void;
  /** Live check while typing; a message means the value cannot be committed. */
  validate?: (raw: string) => string | null;
  hint?: ReactNode;
  badge?: string;
  placeholder?: string;
  disabled?: boolean;
  multiline?: boolean;
  rows?: number;
  /** Monospace, for keys and names. */
  mono?: boolean;
  /** Extra content under the input (a live preview…), receiving the current draft. */
  children?: (draft: string) => ReactNode;
}

/** A text input that commits on blur or Enter (Ctrl/⌘+Enter in a multi-line field); Escape reverts. */
export function TextField(props: TextFieldProps) {
  const { label, value, onCommit, validate, hint, badge, placeholder, disabled, multiline, rows = 3, mono, children } = props;
  const d = useDraft(value, validate, onCommit);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && d.dirty) {
      e.preventDefault();
      e.stopPropagation();
      d.revert();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      d.flush();
    }
    // Keep Delete/Backspace typed here from deleting the selected node on the canvas.
    e.stopPropagation();
  };

  return (
    <FieldShell label={label} badge={badge} hint={hint} error={d.error}>
      {({ inputId, describedBy, invalid }) => {
        const common = {
          id: inputId,
          value: d.value,
          placeholder,
          disabled,
          spellCheck: false,
          autoComplete: 'off',
          'aria-invalid': invalid || undefined,
          'aria-describedby': describedBy,
          className: `${inputClass} ${mono ? 'font-mono' : ''}`,
          onKeyDown,
          onBlur: d.flush,
        };
        return (
          <>
            {multiline ? (
              <textarea {...common} rows={rows} onChange={(e) => d.change(e.target.value)} className={`${common.className} resize-y`} />
            ) : (
              <input {...common} type="text" onChange={(e) => d.change(e.target.value)} />
            )}
            {children?.(d.value)}
          </>
        );
      }}
    </FieldShell>
  );
}
