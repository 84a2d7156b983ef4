// Comparing observation arrays: canonical JSON (object keys sorted) and a readable line diff.

export function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) o[k] = canon((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

export const same = (a: unknown, b: unknown): boolean => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

const pretty = (v: unknown) => JSON.stringify(canon(v), null, 2).split('\n');

/**
 * A unified-style diff of two observation arrays, observation by observation: equal observations are
 * summarised, differing ones are shown line by line (`-` left, `+` right) with a few lines of context.
 */
export function diffObservations(left: unknown[], right: unknown[], names: [string, string] = ['expected', 'actual'], maxLines = 80): string {
  const out: string[] = [`--- ${names[0]}`, `+++ ${names[1]}`];
  const n = Math.max(left.length, right.length);
  let equalRun = 0;
  const flushEqual = () => { if (equalRun) out.push(`  (${equalRun} equal observation${equalRun > 1 ? 's' : ''})`); equalRun = 0; };
  for (let i = 0; i < n; i++) {
    if (i < left.length && i < right.length && same(left[i], right[i])) { equalRun++; continue; }
    flushEqual();
    out.push(`@@ observation #${i} @@`);
    const a = i < left.length ? pretty(left[i]) : ['(none)'];
    const b = i < right.length ? pretty(right[i]) : ['(none)'];
    out.push(...lineDiff(a, b));
    if (out.length > maxLines) { out.push(`  ... (${n - i - 1} more observations not compared here)`); break; }
  }
  flushEqual();
  return out.slice(0, maxLines + 3).join('\n');
}

/** Line diff by longest common subsequence, with 2 lines of context around changes. */
export function lineDiff(a: string[], b: string[], context = 2): string[] {
  const m = a.length, n = b.length;
  const L: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const ops: [' ' | '-' | '+', string][] = [];
  let i = 0, j = 0;
  while (i < m && j < n) {
    if (a[i] === b[j]) { ops.push([' ', a[i]]); i++; j++; } else if (L[i + 1][j] >= L[i][j + 1]) ops.push(['-', a[i++]]); else ops.push(['+', b[j++]]);
  }
  while (i < m) ops.push(['-', a[i++]]);
  while (j < n) ops.push(['+', b[j++]]);
  const keep = ops.map(() => false);
  ops.forEach(([k], x) => { if (k !== ' ') for (let y = Math.max(0, x - context); y <= Math.min(ops.length - 1, x + context); y++) keep[y] = true; });
  const out: string[] = [];
  let skipped = false;
  ops.forEach(([k, line], x) => {
    if (keep[x]) { out.push(`${k} ${line}`); skipped = false; } else if (!skipped) { out.push('  ...'); skipped = true; }
  });
  return out;
}
