/** Matching keyboard events against shortcut strings like `Shift+Mod+Z`. */
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

interface Combo { mod: boolean; shift: boolean; alt: boolean; key: string }

function parse(shortcut: string): Combo {
  const parts = shortcut.split('+');
  // `Mod++` would be ambiguous; shortcuts never use a bare `+` after a modifier.
  const key = parts.pop() ?? '';
  // `Space` is written out in shortcuts; the event's key is ' '.
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key === 'Space' ? ' ' : key.toLowerCase() };
}

export interface KeyLike { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }

export function matches(shortcut: string, e: KeyLike, mac = isMac()): boolean {
  const c = parse(shortcut);
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (mod !== c.mod || e.altKey !== c.alt) return false;
  const key = e.key.toLowerCase();
  const symbol = c.key.length === 1 && !/[a-z0-9]/.test(c.key);
  // Symbols such as `?` are typed with Shift on most layouts: don't demand or forbid it.
  if (!symbol && e.shiftKey !== c.shift) return false;
  if (key === c.key) return true;
  return /^[0-9]$/.test(c.key) && e.code === `Digit${c.key}`;
}

/** How a shortcut is written for people: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function displayShortcut(shortcut: string, mac = isMac()): string {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const arrows: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓' };
  const pretty = arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key === 'Delete' ? (mac ? '⌦' : 'Del') : key === 'Backspace' ? (mac ? '⌫' : 'Backspace') : key === 'Escape' ? 'Esc' : key);
  if (mac) return parts.map((p) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' })[p] ?? p).join('') + pretty;
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), pretty].join('+');
}
