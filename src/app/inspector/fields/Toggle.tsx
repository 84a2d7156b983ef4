import { useId, type ReactNode } from 'react';
import { badgeClass, labelClass } from './styles';
import { FieldNotes } from './FieldShell';

export interface ToggleProps {
  label: string;
  checked: boolean;
  /** Applied at once: a toggle is one undo step. Return a message to refuse. */
  onCommit: (checked: boolean) => string | null | void;
  hint?: ReactNode;
  badge?: string;
  disabled?: boolean;
  error?: string | null;
}

/** A switch (a checkbox with role="switch"), label on the left. */
export function Toggle({ label, checked, onCommit, hint, badge, disabled, error }: ToggleProps) {
  const base = useId();
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5">
          <label htmlFor={base} className={labelClass}>
            {label}
          </label>
          {badge && (
            <span className={badgeClass} aria-hidden="true">
              {badge}
            </span>
          )}
        </span>
        <input
          id={base}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onCommit(e.target.checked)}
          onKeyDown={(e) => e.stopPropagation()}
          className={
            'relative h-4 w-7 shrink-0 cursor-pointer appearance-none rounded-full bg-zinc-300 transition-colors ' +
            "before:absolute before:left-0.5 before:top-0.5 before:h-3 before:w-3 before:rounded-full before:bg-white before:shadow-sm before:transition-transform before:content-[''] " +
            'checked:bg-accent-500 checked:before:translate-x-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500/40 ' +
            'disabled:cursor-not-allowed disabled:opacity-50 dark:bg-zinc-600 dark:checked:bg-accent-500'
          }
        />
      </div>
      <FieldNotes error={error} errorId={errorId} hint={hint} hintId={hintId} />
    </div>
  );
}
