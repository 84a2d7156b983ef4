/**
 * A worker's name, with `throttle=N` when the page was opened with `?throttle-workers=N`: the UI
 * benchmark's way to slow the workers as CDP slows the page (worker/slowdown.ts).
 */
export function workerName(base: string): string {
  const rate = typeof location === 'undefined' ? 0 : Number(new URLSearchParams(location.search).get('throttle-workers'));
  return rate > 1 ? `${base} throttle=${rate}` : base;
}
