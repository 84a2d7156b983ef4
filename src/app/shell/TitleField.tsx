import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatch, useDocument } from '../../store/document';
import { useShownTitle } from './useShownTitle';

/** The document title, edited in place in the top bar; one undo step per edit. */
export function TitleField() {
  const { t } = useTranslation('editor');
  const title = useDocument((s) => s.doc.title);
  const shown = useShownTitle();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const next = draft?.trim();
    if (next !== undefined && next !== '' && next !== title && next !== shown) dispatch({ type: 'set-meta', patch: { title: next.slice(0, 255) } });
    setDraft(null);
  };
  return (
    <input
      aria-label={t('title.label')}
      title={t('title.label')}
      value={draft ?? shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          requestAnimationFrame(() => (e.target as HTMLInputElement).blur());
        }
      }}
      className="w-56 min-w-36 shrink truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-sm font-medium text-zinc-900 hover:border-zinc-200 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/20 focus:outline-none dark:text-zinc-100 dark:hover:border-zinc-700"
    />
  );
}
