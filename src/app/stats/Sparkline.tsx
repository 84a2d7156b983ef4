/** A tiny area chart of recent values, drawn as SVG (no chart library for a few dozen points). */
export function Sparkline({ values, width = 96, height = 20, className = '' }: { values: number[]; width?: number; height?: number; className?: string }) {
  if (values.length < 2) return <svg width={width} height={height} aria-hidden />;
  const max = Math.max(1, ...values);
  const step = width / (values.length - 1);
  const pts = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`);
  return (
    <svg width={width} height={height} aria-hidden className={className}>
      <polygon points={`0,${height} ${pts.join(' ')} ${width},${height}`} className="fill-current opacity-15" />
      <polyline points={pts.join(' ')} fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinejoin="round" />
    </svg>
  );
}
