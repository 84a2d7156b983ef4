import { useState } from 'react';

/**
 * A local draft for a text-like field. While the person types, the draft (and its live error)
 * is shown; the document only changes on commit (blur or Enter), so undo gets one step per edit,
 * not one per keystroke. An invalid draft never reaches the document.
 */
export function useDraft(
  committed: string,
  validate: ((raw: string) => string | null) | undefined,
  commit: (raw: string) => string | null | void,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = (raw: string) => {
    setDraft(raw);
    setError(validate?.(raw) ?? null);
  };

  const flush = () => {
    if (draft === null) return;
    const problem = validate?.(draft) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    if (draft !== committed) {
      const refused = commit(draft);
      if (refused) {
        setError(refused);
        return;
      }
    }
    setDraft(null);
    setError(null);
  };

  const revert = () => {
    setDraft(null);
    setError(null);
  };

  return { value: draft ?? committed, error, change, flush, revert, dirty: draft !== null };
}
