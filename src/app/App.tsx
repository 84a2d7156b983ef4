import './i18n';
import './actions';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { useShortcuts } from './actions/useShortcuts';
import { BottomSlot } from './shell/BottomSlot';
import { ConfirmDialog } from './shell/ConfirmDialog';
import { HelpDialog } from './shell/HelpDialog';
import { Palette } from './shell/Palette';
import { Toasts } from './shell/Toasts';
import { TopBar } from './shell/TopBar';
import { startEditor } from './startup';
import { useThemeClass } from './useThemeClass';

startEditor();

/** The editor: top bar, palette | canvas | inspector, and the bottom slot for the transport bar. */
export function App() {
  const { t } = useTranslation('editor');
  useShortcuts();
  useThemeClass();
  return (
    <ReactFlowProvider>
      <div className="flex h-screen w-screen flex-col overflow-hidden bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <TopBar />
        <div className="flex min-h-0 flex-1">
          <Palette />
          <main className="flex min-w-0 flex-1 flex-col">
            <div className="min-h-0 flex-1">
              <Canvas />
            </div>
            <BottomSlot />
          </main>
          <aside aria-label={t('inspector')} className="w-[296px] shrink-0 overflow-y-auto border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
            <Inspector />
          </aside>
        </div>
      </div>
      <Toasts />
      <ConfirmDialog />
      <HelpDialog />
    </ReactFlowProvider>
  );
}
