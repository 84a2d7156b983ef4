/** `node file.js a "b c"` → ['a', 'b c']: the arguments as a shell splits them (quotes, no expansion). */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
