import { useEffect, useState, type ReactNode } from 'react';

/**
 * Sections below the fold of an inspector, rendered just after the ones above it: the click that
 * selects a node paints its header and first sections at once, and the rest renders in a task of
 * its own once that frame is drawn. On a slow machine the whole panel in one render kept a click
 * from showing anything for a third of a second. A `Later` inside another comes a frame after it.
 *
 * Not a deferred value (`useDeferredValue`): while a run plays, the store's refreshes (synchronous
 * updates) kept interrupting that background render, and on a CPU slowed 4× the sections never
 * appeared at all.
 */
export function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is drawn, not in it: a timer set from an animation frame.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShown(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown]);
  return shown ? children : null;
}
