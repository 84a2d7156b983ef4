import type { Action } from './types';

const registry = new Map<string, Action>();

export function register(action: Action): Action {
  if (registry.has(action.name)) throw new Error(`Action "${action.name}" is registered twice`);
  registry.set(action.name, action);
  return action;
}

export const getAction = (name: string): Action | undefined => registry.get(name);
export const allActions = (): Action[] => [...registry.values()];

/** Run an action by name if it applies now; returns whether it ran. */
export function performAction(name: string): boolean {
  const a = registry.get(name);
  if (!a || (a.enabled && !a.enabled())) return false;
  a.perform();
  return true;
}
