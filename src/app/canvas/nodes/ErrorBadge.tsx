import { memo } from 'react';
import { useText } from '../../text';
import { serverText } from '../../log/serverText';

/**
 * A red badge on a node the broker refused or closed, with RabbitMQ's words on hover or focus (in
 * the reader's language, and as RabbitMQ wrote them when that differs).
 */
export const ErrorBadge = memo(function ErrorBadge({ text }: { text?: string }) {
  const t = useText('simulation');
  if (!text) return null;
  const said = serverText(text, t);
  return (
    <span className="group/err nodrag absolute -top-2.5 -right-2.5 z-20">
      <button
        type="button"
        aria-label={`${t('node.error')}: ${said}`}
        data-testid="node-error"
        className="grid size-5 place-items-center rounded-full bg-red-600 text-[12px] leading-none font-bold text-white shadow ring-2 ring-white dark:ring-zinc-950"
      >
        !
      </button>
      <span
        role="tooltip"
        className="pointer-events-none absolute top-6 right-0 w-64 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs leading-snug font-normal text-white opacity-0 shadow-lg transition-opacity group-focus-within/err:opacity-100 group-hover/err:opacity-100 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {said}
        {said !== text && (
          <span lang="en" className="mt-1 block font-mono text-[11px] opacity-75">
            {text}
          </span>
        )}
      </span>
    </span>
  );
});
