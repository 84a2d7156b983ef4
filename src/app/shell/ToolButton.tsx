import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getAction, performAction } from '../actions';
import { displayShortcut } from '../actions/keys';

interface Props {
  action: string;
  icon: ReactNode;
  /** Show the label beside the icon on wide screens (below 1536 px, and always otherwise, it is the tooltip and accessible name). */
  showLabel?: boolean;
  pressed?: boolean;
  disabled?: boolean;
}

/** A toolbar button that runs a registered action; its tooltip names the shortcut. */
export function ToolButton({ action, icon, showLabel, pressed, disabled }: Props) {
  const { t } = useTranslation('editor');
  const a = getAction(action);
  const label = t(`actions.${action}`);
  const key = a?.keys?.[0];
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      data-action={action}
      title={key ? `${label} (${displayShortcut(key)})` : label}
      disabled={disabled}
      onClick={() => performAction(action)}
      className={`inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm whitespace-nowrap text-zinc-700 transition-colors hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none disabled:opacity-35 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 ${
        pressed ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-white' : ''
      }`}
    >
      {icon}
      {showLabel && <span className="hidden 2xl:inline">{label}</span>}
    </button>
  );
}
