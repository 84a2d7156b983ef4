import { useId, useState, type ReactNode } from 'react';

export interface SectionProps {
  title: string;
  children: ReactNode;
  /** Collapsed at first (advanced settings). */
  collapsed?: boolean;
}

/** A titled group of fields that can be folded away. */
export function Section({ title, children, collapsed = false }: SectionProps) {
  const [open, setOpen] = useState(!collapsed);
  // A folded section renders nothing until first opened (then it stays, keeping what was typed):
  // the management forms folded in every exchange and queue inspector were a third of a click's
  // render, never seen.
  const [opened, setOpened] = useState(!collapsed);
  if (open && !opened) setOpened(true);
  const id = useId();
  return (
    <section className="border-t border-zinc-200 px-3 py-2 [contain:content] dark:border-zinc-800" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center gap-1 py-1 text-left text-[11px] font-semibold uppercase tracking-wide text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          {title}
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!open} className="flex flex-col gap-3 pb-2 pt-1">
        {opened && children}
      </div>
    </section>
  );
}
