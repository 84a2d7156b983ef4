import { useTranslation } from 'react-i18next';
import { useDocument, useHistory } from '../../store/document';
import { useUi } from '../../store/ui';
import { FileMenu } from '../io/FileMenu';
import { useLesson } from '../lessons/store';
import { IconGallery, IconLesson, IconPresent, IconShare } from '../share/icons';
import { performAction } from '../actions';
import { IconCode, IconFit, IconHelp, IconLayout, IconMoon, IconNew, IconRedo, IconSun, IconUndo, Logo } from './icons';
import { LanguageSwitch } from './LanguageSwitch';
import { TitleField } from './TitleField';
import { BrokerBar } from '../broker/BrokerBar';
import { ToolButton } from './ToolButton';
import { useCode } from '../code/store';

const Divider = () => <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" aria-hidden />;

export function TopBar() {
  const { t } = useTranslation('editor');
  const canUndo = useHistory((s) => s.pastStates.length > 0);
  const canRedo = useHistory((s) => s.futureStates.length > 0);
  const hasNodes = useDocument((s) => s.doc.nodes.some((n) => n.kind !== 'note'));
  const theme = useUi((s) => s.theme);
  const hasLesson = useDocument((s) => !!s.doc.lesson?.steps.length);
  const lessonOpen = useLesson((s) => s.open);
  const codeOpen = useCode((s) => s.open);
  return (
    <header className="flex h-12 select-none shrink-0 items-center gap-1 border-b border-zinc-200 bg-white px-3 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mr-2 flex shrink-0 items-center gap-2">
        <Logo />
        <span className="text-[15px] font-semibold tracking-tight text-zinc-900 dark:text-white">{t('common:app.name')}</span>
      </div>
      <Divider />
      <TitleField />
      <Divider />
      <nav aria-label={t('toolbar')} className="flex shrink-0 items-center gap-0.5">
        <ToolButton action="newDocument" icon={<IconNew />} showLabel />
        <FileMenu />
        <ToolButton action="undo" icon={<IconUndo />} disabled={!canUndo} />
        <ToolButton action="redo" icon={<IconRedo />} disabled={!canRedo} />
        <Divider />
        <ToolButton action="fitView" icon={<IconFit />} />
        <ToolButton action="autoLayout" icon={<IconLayout />} disabled={!hasNodes} />
      </nav>
      <div className="ml-auto flex shrink-0 items-center gap-1.5 whitespace-nowrap">
        <BrokerBar />
        <Divider />
        <ToolButton action="toggleCode" icon={<IconCode />} pressed={codeOpen} showLabel />
        <ToolButton action="openGallery" icon={<IconGallery />} showLabel />
        {hasLesson && <ToolButton action="toggleLesson" icon={<IconLesson />} pressed={lessonOpen} />}
        <ToolButton action="togglePresentation" icon={<IconPresent />} />
        <button
          type="button"
          data-share
          onClick={() => performAction('share')}
          className="inline-flex h-8 items-center gap-1.5 rounded-md bg-accent-600 px-3 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-offset-1 focus-visible:outline-none"
        >
          <IconShare />
          {t('actions.share')}
        </button>
        <Divider />
        <ToolButton action="toggleTheme" icon={theme === 'dark' ? <IconSun /> : <IconMoon />} />
        <LanguageSwitch />
        <ToolButton action="help" icon={<IconHelp />} />
      </div>
    </header>
  );
}
