import { useTranslation } from 'react-i18next';
import { openConnect } from '../canvas/connectTo';
import { dispatch } from '../../store/document';
import { select } from '../../store/ui';
import type { NodeKind } from '../../scenario/schema';
import { buttonClass } from './fields/styles';

const ACCENT: Record<NodeKind, string> = {
  producer: 'bg-sky-500',
  exchange: 'bg-accent-500',
  queue: 'bg-emerald-500',
  consumer: 'bg-violet-500',
  note: 'bg-amber-300',
};

/** The panel's title: what is selected, its name, and a delete button. */
export function NodeHeader({ id, kind, name }: { id: string; kind: NodeKind | 'edge'; name: string }) {
  const { t } = useTranslation('inspector');
  const remove = () => {
    dispatch(kind === 'edge' ? { type: 'remove', nodeIds: [], edgeIds: [id] } : { type: 'remove', nodeIds: [id], edgeIds: [] });
    select([], []);
  };
  return (
    <header className="flex items-center gap-2 px-3 py-2.5">
      <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${kind === 'edge' ? 'bg-zinc-400' : ACCENT[kind]}`} />
      <div className="min-w-0 flex-1">
        <div className="text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t(`kinds.${kind}`)}</div>
        <h2 className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100" title={name}>
          {name}
        </h2>
      </div>
      {kind !== 'edge' && kind !== 'note' && (
        // The keyboard's way to draw an edge (also C on the canvas): canvas/ConnectDialog.tsx.
        <button type="button" onClick={() => openConnect(id)} className={buttonClass} title={t('common.connectHint')} data-connect-open>
          {t('common.connect')}
        </button>
      )}
      <button type="button" onClick={remove} className={buttonClass} title={t('common.deleteHint')}>
        {t('common.delete')}
      </button>
    </header>
  );
}
