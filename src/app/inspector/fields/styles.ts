/** Shared Tailwind class strings for inspector controls: neutral, compact, dark-mode aware. */
export const inputClass =
  'w-full min-w-0 rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm text-neutral-900 shadow-xs ' +
  'placeholder:text-neutral-400 focus:border-orange-500 focus:outline-none focus:ring-2 focus:ring-orange-500/30 ' +
  'disabled:cursor-not-allowed disabled:bg-neutral-100 disabled:text-neutral-400 ' +
  'aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/30 ' +
  'dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-500 ' +
  'dark:disabled:bg-neutral-800 dark:disabled:text-neutral-500 dark:aria-invalid:border-red-400';

export const labelClass = 'text-xs font-medium text-neutral-700 dark:text-neutral-300';
export const hintClass = 'text-xs leading-snug text-neutral-500 dark:text-neutral-400';
export const errorClass = 'text-xs leading-snug text-red-600 dark:text-red-400';
export const badgeClass =
  'rounded bg-neutral-100 px-1 font-mono text-[10px] leading-4 text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300';
export const buttonClass =
  'rounded-md border border-neutral-300 px-2 py-0.5 text-xs text-neutral-700 hover:bg-neutral-100 ' +
  'focus:outline-none focus-visible:ring-2 focus-visible:ring-orange-500/40 disabled:opacity-50 ' +
  'dark:border-neutral-700 dark:text-neutral-200 dark:hover:bg-neutral-800';
