import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportDefinitionsFile, exportJson, exportTrace } from './exports';
import { exportImage } from './exportImage';
import { pickFile } from './importFile';
import { openCode } from './store';

type Item = { id: string; run: () => void } | 'divider';

const ITEMS: Item[] = [
  { id: 'import', run: pickFile },
  'divider',
  { id: 'exportJson', run: exportJson },
  { id: 'exportDefinitions', run: () => void exportDefinitionsFile() },
  { id: 'clientCode', run: openCode },
  'divider',
  { id: 'exportPng', run: () => void exportImage('png') },
  { id: 'exportSvg', run: () => void exportImage('svg') },
  'divider',
  { id: 'exportTrace', run: exportTrace },
];

/** "File": import and every export, in one menu. */
export function FileMenu() {
  const { t } = useTranslation('io');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div ref={box} className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 items-center gap-1 whitespace-nowrap rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {t('menu')}
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden className="opacity-60"><path d="M2 4l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
      </button>
      {open && (
        <div role="menu" aria-label={t('menu')} className="absolute top-9 left-0 z-40 w-64 rounded-lg border border-zinc-200 bg-white py-1 shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          {ITEMS.map((item, i) =>
            item === 'divider' ? (
              <div key={i} role="separator" className="my-1 h-px bg-zinc-100 dark:bg-zinc-800" />
            ) : (
              <button
                key={item.id}
                type="button"
                role="menuitem"
                data-io={item.id}
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
                className="block w-full px-3 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                {t(`items.${item.id}`)}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
