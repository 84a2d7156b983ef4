/** The editor's clipboard: a fragment of the document, pasted with fresh ids and names. */
import { dispatch, getDoc } from '../../store/document';
import { select, uiStore } from '../../store/ui';
import { cloneFragment, extractFragment, type Fragment } from './clone';

const STEP = 40;
let clip: Fragment | null = null;
let pastes = 0;

export function copySelection(): boolean {
  const { selectedNodeIds } = uiStore.getState();
  if (!selectedNodeIds.length) return false;
  clip = extractFragment(getDoc(), selectedNodeIds);
  pastes = 0;
  return true;
}

export const hasClip = (): boolean => clip !== null && clip.nodes.length > 0;

/** Insert a fragment, offset so copies never sit exactly on top of their originals, and select it. */
export function insertFragment(fragment: Fragment, offset: number): void {
  const copy = cloneFragment(getDoc(), fragment, { x: offset, y: offset });
  if (!copy.nodes.length) return;
  dispatch({ type: 'add-nodes', nodes: copy.nodes, edges: copy.edges });
  select(copy.nodes.map((n) => n.id), copy.edges.map((e) => e.id));
}

export function pasteClip(): void {
  if (!clip) return;
  pastes += 1;
  insertFragment(clip, STEP * pastes);
}

export function duplicateSelection(): void {
  const { selectedNodeIds } = uiStore.getState();
  if (selectedNodeIds.length) insertFragment(extractFragment(getDoc(), selectedNodeIds), STEP);
}
