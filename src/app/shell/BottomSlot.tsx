import { useTranslation } from 'react-i18next';
import { useUi } from '../../store/ui';
import { IconChevron } from './icons';
import { ToolButton } from './ToolButton';

/**
 * The collapsible strip under the canvas. The transport bar and event log go in
 * `[data-slot="bottom"]`; until then it only holds its own toggle.
 */
export function BottomSlot() {
  const { t } = useTranslation('editor');
  const open = useUi((s) => s.bottomOpen);
  return (
    <section aria-label={t('bottom.label')} className="shrink-0 border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex h-8 items-center justify-between px-2">
        <span className="px-1 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{t('bottom.title')}</span>
        <ToolButton action="toggleBottom" icon={<IconChevron up={!open} />} pressed={open} />
      </div>
      <div data-slot="bottom" hidden={!open} className="min-h-0" />
    </section>
  );
}
