import { useDeferredValue, type ReactNode } from 'react';

/**
 * Sections below the fold of an inspector, rendered just after the ones above it: the click that
 * selects a node paints its header and first sections at once, and React renders the rest in
 * the background (a deferred render, which yields to the browser between components) a frame or
 * two later. On a slow machine the whole panel in one render kept a click from showing anything
 * for a third of a second.
 */
export function Later({ children }: { children: ReactNode }) {
  const shown = useDeferredValue(true, false);
  return shown ? children : null;
}
