import { useId, type ReactNode } from 'react';
import { badgeClass, errorClass, hintClass, labelClass } from './styles';

/** A field's error (announced) and hint, linked to its input by id. */
export function FieldNotes({ error, errorId, hint, hintId }: { error?: string | null; errorId?: string; hint?: ReactNode; hintId?: string }) {
  return (
    <>
      {error && (
        <p id={errorId} role="alert" className={errorClass} data-field-error>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
    </>
  );
}

export interface FieldShellProps {
  label: string;
  /** The management UI's short feature letter (TTL, DLX…), shown beside the label. */
  badge?: string;
  hint?: ReactNode;
  error?: string | null;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint and error, wired so that getByLabel finds the control and screen readers read the error. */
export function FieldShell({ label, badge, hint, error, children }: FieldShellProps) {
  const base = useId();
  const inputId = `${base}-input`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-1.5">
        <label htmlFor={inputId} className={labelClass}>
          {label}
        </label>
        {badge && (
          <span className={badgeClass} aria-hidden="true">
            {badge}
          </span>
        )}
      </div>
      {children({ inputId, describedBy, invalid: !!error })}
      <FieldNotes error={error} errorId={errorId} hint={hint} hintId={hintId} />
    </div>
  );
}
