import { describe, expect, it } from 'vitest';
import { displayShortcut, matches } from './keys';

const ev = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, code?: string) => ({
  key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('shortcut matching', () => {
  it('maps Mod to Ctrl off macOS and Cmd on macOS', () => {
    expect(matches('Mod+Z', ev('z', { ctrlKey: true }), false)).toBe(true);
    expect(matches('Mod+Z', ev('z', { metaKey: true }), true)).toBe(true);
    expect(matches('Mod+Z', ev('z', { metaKey: true }), false)).toBe(false);
  });
  it('tells Shift+Mod+Z from Mod+Z', () => {
    expect(matches('Mod+Z', ev('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matches('Shift+Mod+Z', ev('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
  it('accepts ? whatever Shift does, and digits by code', () => {
    expect(matches('?', ev('?', { shiftKey: true }), false)).toBe(true);
    expect(matches('Shift+1', ev('!', { shiftKey: true }, 'Digit1'), false)).toBe(true);
    expect(matches('Delete', ev('Delete'), false)).toBe(true);
  });
  it('writes shortcuts for people', () => {
    expect(displayShortcut('Shift+Mod+Z', false)).toBe('Shift+Ctrl+Z');
    expect(displayShortcut('Shift+Mod+Z', true)).toBe('⇧⌘Z');
  });
});
