import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  children: ReactNode;
  width?: string;
}

/** A centred dialog: Escape or a click outside closes it; focus moves in and returns after. */
export function Modal({ title, role = 'dialog', onClose, children, width = 'max-w-md' }: Props) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current;
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="fixed inset-0 z-40 grid place-items-center bg-zinc-950/40 p-4 backdrop-blur-[1px]"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={box}
        role={role}
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
        className={`w-full ${width} rounded-xl border border-zinc-200 bg-white p-6 shadow-2xl outline-none dark:border-zinc-700 dark:bg-zinc-900`}
      >
        <h2 id={id} className="text-base font-semibold text-zinc-900 dark:text-white">{title}</h2>
        {children}
      </div>
    </div>
  );
}
