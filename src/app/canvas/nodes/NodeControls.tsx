import type { ReactNode } from 'react';

/**
 * Small live controls above a node: hidden until the node is hovered, focused within or
 * selected, so the canvas stays quiet. `nodrag nopan` keeps clicks from moving the canvas. They
 * show at once, without a fade: a fading toolbar is a layer of its own for the fade's frames, made
 * and unmade with every hover, at the moment of a click (the canvas's motion is the broker's).
 */
export function NodeControls({ selected, children, label }: { selected?: boolean; children: ReactNode; label: string }) {
  return (
    <div
      role="toolbar"
      aria-label={label}
      className={`nodrag nopan absolute -top-9 left-1/2 z-10 flex -translate-x-1/2 items-center gap-0.5 rounded-lg border border-zinc-200 bg-white p-0.5 shadow-md dark:border-zinc-700 dark:bg-zinc-900 ${
        selected ? 'opacity-100' : 'pointer-events-none opacity-0 group-focus-within:pointer-events-auto group-focus-within:opacity-100 group-hover:pointer-events-auto group-hover:opacity-100'
      }`}
    >
      {children}
    </div>
  );
}

export function ControlButton({ onClick, label, children, tone = 'plain', testId }: { onClick: () => void; label: string; children: ReactNode; tone?: 'plain' | 'danger'; testId?: string }) {
  return (
    // Named by what it shows ("Purge"); `label`, the longer hint, is its tooltip and description.
    <button
      type="button"
      title={label}
      data-control={testId}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
      className={`nodrag nopan inline-flex h-6 items-center gap-1 rounded-md px-1.5 text-[13px] font-medium whitespace-nowrap ${
        tone === 'danger' ? 'text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-500/15' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800'
      }`}
    >
      {children}
    </button>
  );
}
