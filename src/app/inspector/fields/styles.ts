/** Shared Tailwind class strings for inspector controls: neutral, compact, dark-mode aware. */
export const inputClass =
  'w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 shadow-xs ' +
  'placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 ' +
  'disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-400 ' +
  'aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/30 ' +
  'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 ' +
  'dark:disabled:bg-zinc-800 dark:disabled:text-zinc-500 dark:aria-invalid:border-red-400';

export const labelClass = 'text-xs font-medium text-zinc-700 dark:text-zinc-300';
export const hintClass = 'text-xs leading-snug text-zinc-500 dark:text-zinc-400';
export const errorClass = 'text-xs leading-snug text-red-600 dark:text-red-400';
export const badgeClass =
  'rounded bg-zinc-100 px-1 font-mono text-[10px] leading-4 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300';
export const buttonClass =
  'rounded-md border border-zinc-300 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-100 ' +
  'focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500/40 disabled:opacity-50 ' +
  'dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800';
