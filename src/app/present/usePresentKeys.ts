/**
 * Keys while presenting: Esc leaves; → steps and Space plays or pauses the simulation through the
 * transport's registered actions when there are any (otherwise through the simulation directly);
 * PageDown/PageUp (and N/B, registered as actions) move through the lesson.
 */
import { useEffect } from 'react';
import { allActions } from '../actions';
import { matches } from '../actions/keys';
import { simulation } from '../sim/bridge';
import { simulationStore } from '../../store/simulation';
import { leavePresentation } from './presentation';
import { usePresenting } from './store';

const registered = (e: KeyboardEvent) => allActions().some((a) => a.keys?.some((k) => matches(k, e)));

export function usePresentKeys(): void {
  const presenting = usePresenting();
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        leavePresentation();
        return;
      }
      if ((e.key === 'ArrowRight' || e.key === ' ') && !registered(e)) {
        e.preventDefault();
        if (e.key === 'ArrowRight') simulation().command({ type: 'step' });
        else simulation().command({ type: simulationStore.getState().playing ? 'pause' : 'play' });
      }
    };
    // Capture: Esc must leave presentation before it clears the selection.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [presenting]);
}
