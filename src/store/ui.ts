/** Session state that is not part of the document: selection, theme, dialogs, messages to the user. */
import { createStore, useStore } from 'zustand';

export type Theme = 'light' | 'dark';
/** What a plain drag on empty canvas does: pan the view, or draw a selection box. */
export type DragMode = 'pan' | 'select';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  action?: ToastAction;
}

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** The other choice, when it is not just "Cancel" (Escape chooses it too). */
  cancelLabel?: string;
  onCancel?: () => void;
  /** `choice`: neither answer loses work, so the confirm button is not drawn as dangerous. */
  tone?: 'danger' | 'choice';
}

export interface UiState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  theme: Theme;
  toasts: Toast[];
  snapToGrid: boolean;
  dragMode: DragMode;
  helpOpen: boolean;
  bottomOpen: boolean;
  confirm: ConfirmRequest | null;
  /** Bumped to ask the canvas to fit the view once the next document is on screen. */
  fitRequest: number;
}

const PREFS_KEY = 'warren.ui';
type Prefs = Pick<UiState, 'theme' | 'snapToGrid' | 'dragMode' | 'bottomOpen'>;

function loadPrefs(): Partial<Prefs> {
  try {
    const raw = globalThis.localStorage?.getItem(PREFS_KEY);
    const p = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const prefs: Partial<Prefs> = {};
    if (p.theme === 'light' || p.theme === 'dark') prefs.theme = p.theme;
    if (typeof p.snapToGrid === 'boolean') prefs.snapToGrid = p.snapToGrid;
    if (p.dragMode === 'pan' || p.dragMode === 'select') prefs.dragMode = p.dragMode;
    if (typeof p.bottomOpen === 'boolean') prefs.bottomOpen = p.bottomOpen;
    return prefs;
  } catch {
    return {};
  }
}

function systemTheme(): Theme {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const uiStore = createStore<UiState>()(() => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  theme: systemTheme(),
  toasts: [],
  snapToGrid: true,
  dragMode: 'pan',
  helpOpen: false,
  bottomOpen: true,
  confirm: null,
  fitRequest: 0,
  ...loadPrefs(),
}));

uiStore.subscribe((s, prev) => {
  if (s.theme === prev.theme && s.snapToGrid === prev.snapToGrid && s.dragMode === prev.dragMode && s.bottomOpen === prev.bottomOpen) return;
  const prefs: Prefs = { theme: s.theme, snapToGrid: s.snapToGrid, dragMode: s.dragMode, bottomOpen: s.bottomOpen };
  try {
    globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: preferences simply are not remembered.
  }
});

export const useUi = <T>(selector: (s: UiState) => T): T => useStore(uiStore, selector);

export function select(nodeIds: string[], edgeIds: string[] = []): void {
  uiStore.setState({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
}

let toastSeq = 0;
/** Tell the user something; errors stay until dismissed, the rest fade after a few seconds. */
export function notify(kind: Toast['kind'], text: string, action?: ToastAction): number {
  const id = ++toastSeq;
  uiStore.setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text, action }] }));
  return id;
}

export function dismiss(id: number): void {
  uiStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Ask before doing something that loses work; the dialog calls `onConfirm` only on yes. */
export function askConfirm(request: ConfirmRequest): void {
  uiStore.setState({ confirm: request });
}

export function closeConfirm(): void {
  uiStore.setState({ confirm: null });
}

export function requestFitView(): void {
  uiStore.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
}
