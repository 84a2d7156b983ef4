import './i18n';
import './actions';
import './present/actions';
import './code/actions';
import { lazy, Suspense } from 'react';
import { useCode } from './code/store';
import './welcome/actions';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Canvas } from './canvas/Canvas';
import { useShortcuts } from './actions/useShortcuts';
import { BottomSlot } from './shell/BottomSlot';
import { ConfirmDialog } from './shell/ConfirmDialog';
import { HelpDialog } from './shell/HelpDialog';
import { ConnectDialog } from './canvas/ConnectDialog';
import { RunAnnouncer } from './announce/RunAnnouncer';
import { Palette } from './shell/Palette';
import { Toasts } from './shell/Toasts';
import { TopBar } from './shell/TopBar';
import { useThemeClass } from './useThemeClass';
import { EmbedApp } from './embed/EmbedApp';
import { useAppMode } from './embed/mode';
import { GalleryDialog } from './gallery/GalleryDialog';
import { CodeDialog } from './io/CodeDialog';
import { FileDropZone } from './io/FileDropZone';
import { LessonHighlights } from './lessons/Highlights';
import { LessonPanel } from './lessons/LessonPanel';
import { usePickQueues } from './lessons/pickQueues';
import { currentLesson, useLesson } from './lessons/store';
import { useUi } from '../store/ui';
import { PresentBar } from './present/PresentBar';
import { usePresenting } from './present/store';
import { usePresentKeys } from './present/usePresentKeys';
import { ShareDialog } from './share/ShareDialog';
import { useCompareOpen } from './compare/store';
import { WelcomeDialog } from './welcome/WelcomeDialog';

// CodeMirror and the panel load when the panel first opens.
const CodePanel = lazy(() => import('./code/CodePanel'));
// The inspector loads just after the first render, off the page's critical path.
const Inspector = lazy(() => import('./inspector/Inspector').then((m) => ({ default: m.Inspector })));
const CompareDialog = lazy(() => import('./compare/CompareDialog').then((m) => ({ default: m.CompareDialog })));

/** The Compare dialog, loaded when it first opens. */
function CompareSlot() {
  const open = useCompareOpen();
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CompareDialog />
    </Suspense>
  );
}


/**
 * The right-hand inspector. Its own component, so that a click that selects a node re-renders
 * this panel, not the whole editor around it.
 */
function InspectorAside({ lessonOpen }: { lessonOpen: boolean }) {
  const { t } = useTranslation('editor');
  const picking = useLesson((s) => s.open && currentLesson()?.steps[s.step]?.check?.kind === 'select-queues');
  const selected = useUi((s) => s.selectedNodeIds.length + s.selectedEdgeIds.length > 0);
  // With a lesson open the canvas gets the room: the inspector comes with a selection (but not
  // while clicks pick queues for the lesson's question, where it would push the queues away).
  if (lessonOpen && (!selected || picking)) return null;
  return (
    <aside aria-label={t('inspector')} className="relative w-[296px] shrink-0 border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      {/* The scroller is laid out on its own (fixed size, contained, not a flex item): what changes
          in the panel (a click's sections, a queue's message list) lays out the panel, not the page. */}
      <div className="absolute inset-0 overflow-y-auto [contain:strict]">
        <Suspense fallback={null}>
          <Inspector />
        </Suspense>
      </div>
    </aside>
  );
}

/**
 * The editor: top bar, palette (or the lesson) | canvas | inspector, and the bottom slot for the
 * transport bar. Presenting hides the editing chrome; `?embed=1` shows only canvas and transport.
 */
function Editor() {
  const presenting = usePresenting();
  const lessonOpen = useLesson((s) => s.open);
  const codeOpen = useCode((s) => s.open);
  useShortcuts();
  usePresentKeys();
  usePickQueues();
  return (
    <>
      <div data-presenting={presenting || undefined} className="flex h-screen w-screen flex-col overflow-hidden bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        {!presenting && <TopBar />}
        <div className="flex min-h-0 flex-1">
          {lessonOpen ? <LessonPanel /> : !presenting && <Palette />}
          <main className="flex min-w-0 flex-1 flex-col">
            <div className="relative min-h-0 flex-1">
              <FileDropZone disabled={presenting}>
                <Canvas />
              </FileDropZone>
              {presenting && <PresentBar />}
            </div>
            {codeOpen && !presenting && (
              <Suspense fallback={<div className="h-[44vh] shrink-0 border-t border-zinc-200 dark:border-zinc-800" />}>
                <CodePanel />
              </Suspense>
            )}
            <BottomSlot />
          </main>
          {!presenting && <InspectorAside lessonOpen={lessonOpen} />}
        </div>
      </div>
      <LessonHighlights />
      <Toasts />
      <RunAnnouncer />
      <ConfirmDialog />
      <HelpDialog />
      <ConnectDialog />
      <GalleryDialog />
      <WelcomeDialog />
      <ShareDialog />
      <CompareSlot />
      <CodeDialog />
    </>
  );
}

export function App() {
  const embed = useAppMode((s) => s.embed);
  useThemeClass();
  return <ReactFlowProvider>{embed ? <EmbedApp /> : <Editor />}</ReactFlowProvider>;
}
