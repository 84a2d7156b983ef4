import { memo, useCallback, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { BindingFlowEdge } from '../types';
import { formatHeaderArgs } from './bindingKey';
import { BindingLabelEditor } from './BindingLabelEditor';
import { useRoute } from '../routes';
import { routedPath } from './routedPath';

/** exchange → queue/exchange, labelled with its binding key (or header arguments); double-click to edit. */
function BindingEdgeView(p: EdgeProps<BindingFlowEdge>) {
  const { t } = useTranslation('editor');
  const [path, x, y] = routedPath(p, useRoute(p.id), () => getBezierPath(p));
  const [editing, setEditing] = useState(false);
  const edge = p.data!.edge;
  const type = p.data!.exchangeType;
  const text = type === 'headers' ? formatHeaderArgs(edge.arguments) : edge.bindingKey;
  const hidden = type === 'fanout' && !text;
  // A native listener, so the double-click stops here: React's own handler runs only after the
  // event has reached the canvas pane, whose double-click zoom would already have fired.
  const startOnDoubleClick = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    const onDbl = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('[data-edge="binding"]')) return;
      e.stopPropagation();
      setEditing(true);
    };
    el.addEventListener('dblclick', onDbl);
    return () => el.removeEventListener('dblclick', onDbl);
  }, []);
  return (
    <>
      <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          ref={startOnDoubleClick}
          className="nodrag nopan absolute"
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, pointerEvents: 'all' }}
        >
          {editing ? (
            <BindingLabelEditor edge={edge} exchangeType={type} initial={text} onDone={() => setEditing(false)} />
          ) : hidden ? null : (
            <button
              type="button"
              data-edge="binding"
              data-binding-key={edge.bindingKey}
              title={t('edge.editHint')}
              onKeyDown={(e) => e.key === 'Enter' && setEditing(true)}
              className={`w-max max-w-[260px] rounded-md border px-1.5 font-mono [overflow-wrap:anywhere] text-[15px] leading-[22px] shadow-sm ${
                p.selected
                  ? 'border-accent-400 bg-accent-50 text-accent-700 dark:bg-zinc-900 dark:text-accent-300'
                  : 'border-zinc-200 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200'
              } ${type === 'fanout' ? 'line-through opacity-60' : ''}`}
            >
              {text === '' ? <span className="text-zinc-500 dark:text-zinc-400 italic">{t('edge.emptyKey')}</span> : text}
            </button>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const BindingEdge = memo(BindingEdgeView);
