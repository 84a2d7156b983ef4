import { memo } from 'react';

/** Text whose `backticked` parts are names and keys, shown as code. */
export const Rich = memo(function Rich({ text, className }: { text: string; className?: string }) {
  const parts = text.split('`');
  return (
    <span className={className}>
      {parts.map((p, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.92em] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">
            {p}
          </code>
        ) : (
          p
        ),
      )}
    </span>
  );
});
