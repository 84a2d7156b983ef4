import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { importFile } from './importFile';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** Wraps the canvas: a .json file dropped on it is imported (palette drags pass through untouched). */
export function FileDropZone({ children, disabled }: { children: ReactNode; disabled?: boolean }) {
  const { t } = useTranslation('io');
  const [over, setOver] = useState(false);
  if (disabled) return <>{children}</>;
  return (
    <div
      className="relative h-full w-full"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void importFile(file);
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-3 z-20 grid place-items-center rounded-2xl border-2 border-dashed border-accent-500 bg-accent-50/80 dark:bg-accent-700/20">
          <p className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-accent-700 shadow dark:bg-zinc-900 dark:text-accent-300">{t('dropHere')}</p>
        </div>
      )}
    </div>
  );
}
