import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../../scenario/schema';
import { addNodeAtCentre, DRAG_TYPE, KINDS } from '../canvas/addNode';
import { PaletteShape } from './PaletteShape';

function onDragStart(e: DragEvent, kind: NodeKind) {
  e.dataTransfer.setData(DRAG_TYPE, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** The five node kinds: drag one onto the canvas, or click (or press Enter) to add it in the middle. */
export function Palette() {
  const { t } = useTranslation('editor');
  return (
    <aside aria-label={t('palette.label')} className="flex w-52 shrink-0 flex-col select-none border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <h2 className="px-4 pt-4 pb-2 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{t('palette.title')}</h2>
      <ul className="flex flex-col gap-1 px-2">
        {KINDS.map((kind) => (
          // The button is named "Add Queue", which contains what it shows ("Queue"); the hint is
          // drawn by a twin layer stacked on it (no pointer events) and read as its description,
          // so the name still contains all the button's visible text (WCAG 2.5.3).
          <li key={kind} className="grid">
            <button
              type="button"
              draggable
              data-palette={kind}
              aria-label={t('palette.add', { kind: t(`kind.${kind}`) })}
              aria-describedby={`palette-hint-${kind}`}
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addNodeAtCentre(kind)}
              className="group flex w-full cursor-grab items-center gap-3 rounded-lg px-2 py-2 text-left [grid-area:1/1] hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none active:cursor-grabbing dark:hover:bg-zinc-900"
            >
              <span className="flex w-12 shrink-0 justify-center">
                <PaletteShape kind={kind} />
              </span>
              <span className="min-w-0">
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{t(`kind.${kind}`)}</span>
                <span className="invisible block text-xs leading-4">{t(`palette.hint.${kind}`)}</span>
              </span>
            </button>
            <span aria-hidden="true" className="pointer-events-none flex items-center gap-3 px-2 py-2 [grid-area:1/1]">
              <span className="invisible flex w-12 shrink-0 justify-center">
                <PaletteShape kind={kind} />
              </span>
              <span className="min-w-0">
                <span className="invisible block text-sm font-medium">{t(`kind.${kind}`)}</span>
                <span id={`palette-hint-${kind}`} className="block text-xs leading-4 text-zinc-500 dark:text-zinc-400">{t(`palette.hint.${kind}`)}</span>
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-auto px-4 pb-4 text-xs leading-5 text-zinc-500 dark:text-zinc-400">{t('palette.footer')}</p>
    </aside>
  );
}
