/** Two series over the same instants as lines on one scale: run A in grey, run B in the accent. */
export function TwoLines({ a, b, label, width = 160, height = 36 }: { a: number[]; b: number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...a, ...b);
  const step = width / Math.max(1, a.length - 1);
  const points = (values: number[]) => values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="shrink-0">
      <polyline points={points(a)} fill="none" strokeWidth={1.5} strokeLinejoin="round" className="stroke-zinc-400 dark:stroke-zinc-500" />
      <polyline points={points(b)} fill="none" strokeWidth={1.5} strokeLinejoin="round" strokeDasharray="4 2" className="stroke-accent-600 dark:stroke-accent-400" />
    </svg>
  );
}
