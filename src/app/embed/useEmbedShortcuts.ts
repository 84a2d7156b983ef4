/**
 * Keyboard in an embed: like the editor's, but read-only embeds run no editing or document
 * actions (delete, paste, undo, new…), only viewing and the simulation's own.
 */
import { useEffect } from 'react';
import { matches } from '../actions/keys';
import { allActions, performAction } from '../actions';

export function useEmbedShortcuts(readonly: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      for (const action of allActions()) {
        if (!action.keys?.some((k) => matches(k, e))) continue;
        if (readonly && (action.group === 'edit' || action.group === 'document')) return;
        if (performAction(action.name)) e.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readonly]);
}
