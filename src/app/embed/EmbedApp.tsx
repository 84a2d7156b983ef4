import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { Canvas } from '../canvas/Canvas';
import { BottomSlot } from '../shell/BottomSlot';
import { Toasts } from '../shell/Toasts';
import { documentUrl } from '../share/addressBar';
import { useAppMode } from './mode';
import { useEmbedShortcuts } from './useEmbedShortcuts';
import { lazy, Suspense } from 'react';
import { toggleCode, useCode } from '../code/store';

// An embedded scenario's programs run read-only (code/docSync.ts); the panel loads when opened.
const CodePanel = lazy(() => import('../code/CodePanel'));

/** The address of this document in the full editor: the same URL without the embed flags. */
function useOpenInWarrenUrl(): string {
  const doc = useDocument((s) => s.doc);
  const url = new URL(documentUrl(doc));
  url.searchParams.delete('embed');
  url.searchParams.delete('readonly');
  return url.href;
}

/** Read-only: nothing inside nodes or edge labels takes text input. */
const READONLY_CSS = `[data-readonly] .react-flow__node :is(input, textarea, select, [contenteditable]),
[data-readonly] .react-flow__edgelabel-renderer :is(input, textarea, button) { pointer-events: none; }`;

/** `?embed=1`: canvas and transport filling the frame, and a way into the full editor. */
export function EmbedApp() {
  const { t } = useTranslation('share');
  const readonly = useAppMode((s) => s.readonly);
  const href = useOpenInWarrenUrl();
  const hasCode = useDocument((s) => !!s.doc.code?.programs.length);
  const codeOpen = useCode((s) => s.open);
  const { t: tc } = useTranslation('code');
  useEmbedShortcuts(readonly);
  return (
    <div data-embed data-readonly={readonly || undefined} className="flex h-screen w-screen flex-col overflow-hidden bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <main className="relative min-h-0 flex-1">
        <Canvas />
        <div className="pointer-events-none absolute top-2 right-2 z-10 flex items-center gap-2">
          {readonly && <span className="rounded-md bg-zinc-900/70 px-2 py-1 text-xs font-medium text-white">{t('readonly')}</span>}
          {hasCode && (
            <button type="button" data-embed-code aria-pressed={codeOpen} onClick={toggleCode} className="pointer-events-auto rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1 text-xs font-semibold text-zinc-800 shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95 dark:text-zinc-100">
              {tc('actions.toggleCode')}
            </button>
          )}
          <a
            href={href}
            target="_blank"
            rel="noopener"
            data-open-in-warren
            className="pointer-events-auto inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1 text-xs font-semibold text-zinc-800 shadow-sm hover:border-accent-400 hover:text-accent-700 dark:border-zinc-700 dark:bg-zinc-900/95 dark:text-zinc-100"
          >
            {t('openInWarren')}
            <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.5"><path d="M5 2H2v8h8V7M7 2h3v3M10 2 5.5 6.5" /></svg>
          </a>
        </div>
      </main>
      {codeOpen && (
        <Suspense fallback={null}>
          <CodePanel />
        </Suspense>
      )}
      <BottomSlot />
      <Toasts />
      {readonly && <style>{READONLY_CSS}</style>}
    </div>
  );
}
