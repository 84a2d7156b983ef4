/** One keydown listener for the whole editor: finds the action whose shortcut matches and runs it. */
import { useEffect } from 'react';
import { uiStore } from '../../store/ui';
import { matches } from './keys';
import { allActions, performAction } from './register';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.nokey') !== null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      // While a dialog is open it owns the keyboard (it handles Escape itself).
      const ui = uiStore.getState();
      if (ui.confirm || (ui.helpOpen && e.key !== '?')) return;
      const typing = typingIn(e.target);
      for (const action of allActions()) {
        if (typing && !action.inInputs) continue;
        if (!action.keys?.some((k) => matches(k, e))) continue;
        if (performAction(action.name)) e.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
