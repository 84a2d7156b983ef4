import { memo, useState } from 'react';
import { nodeSize } from '../../editing/nodeSizes';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { dispatch } from '../../../store/document';
import type { NoteFlowNode } from '../types';

/** A free text note; dragged by its top strip, edited in place, saved when focus leaves it. */
function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { t } = useTranslation('editor');
  const text = data.node.config.text;
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== text) dispatch({ type: 'update-node', id, config: { text: draft } });
    setDraft(null);
  };
  return (
    <div
      data-kind="note"
      data-name={text.slice(0, 40)}
      style={{ width: nodeSize(data.node).width, minHeight: nodeSize(data.node).height }}
      className={`overflow-hidden rounded-md border bg-amber-50 shadow-sm dark:bg-[#2a2619] ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-amber-200 dark:border-amber-900/60'
      }`}
    >
      <div className="note-grip h-4 cursor-grab bg-amber-100/80 dark:bg-amber-900/30" title={t('node.dragNote')} />
      <textarea
        aria-label={t('node.noteText')}
        className="nodrag nokey nowheel block min-h-20 w-full resize-none [field-sizing:content] bg-transparent px-3 py-2 text-sm leading-5 text-zinc-800 outline-none placeholder:text-amber-700/50 dark:text-zinc-200"
        placeholder={t('node.notePlaceholder')}
        value={draft ?? text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
      />
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
