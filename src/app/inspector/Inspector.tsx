import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { useUi } from '../../store/ui';
import { ConsumerInspector } from './ConsumerInspector';
import { DocumentInspector } from './DocumentInspector';
import { EdgeInspector } from './EdgeInspector';
import { ExchangeInspector } from './ExchangeInspector';
import { NoteInspector } from './NoteInspector';
import { ProducerInspector } from './ProducerInspector';
import { QueueInspector } from './QueueInspector';

const PANELS = {
  producer: ProducerInspector,
  exchange: ExchangeInspector,
  queue: QueueInspector,
  consumer: ConsumerInspector,
  note: NoteInspector,
} as const;

function SelectionSummary({ nodes, edges }: { nodes: number; edges: number }) {
  const { t } = useTranslation('inspector');
  const parts = [nodes ? t('selection.nodes', { count: nodes }) : '', edges ? t('selection.edges', { count: edges }) : ''].filter(Boolean);
  return (
    <div data-inspector="selection" className="flex flex-col gap-1 px-3 py-4">
      <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t('selection.summary', { what: parts.join(t('selection.and')) })}</h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('selection.deleteHint')}</p>
    </div>
  );
}

/**
 * The selection the panel shows: the store's, one task after it changed. A click on a node selects
 * it in the pointer's own task, where the canvas marks it; building the new form there too made
 * that one task as long as both (over 100 ms on a CPU slowed 4×). The form renders in the task
 * after, usually before the same frame.
 */
function useShownSelection(): { nodeIds: string[]; edgeIds: string[] } {
  const nodeIds = useUi((s) => s.selectedNodeIds);
  const edgeIds = useUi((s) => s.selectedEdgeIds);
  const [shown, setShown] = useState({ nodeIds, edgeIds });
  useEffect(() => {
    if (shown.nodeIds === nodeIds && shown.edgeIds === edgeIds) return;
    const timer = setTimeout(() => setShown({ nodeIds, edgeIds }), 0);
    return () => clearTimeout(timer);
  }, [nodeIds, edgeIds, shown]);
  return shown;
}

/** The right-hand panel: a form for the one selected node or edge, a summary for several, the scenario for none. */
export function Inspector() {
  const { nodeIds, edgeIds } = useShownSelection();
  return (
    // The shell puts this in its right-hand <aside>; this is its content, not another landmark.
    <div data-testid="inspector" className="flex min-h-full w-full flex-col text-zinc-900 dark:text-zinc-100">
      <Shown nodeIds={nodeIds} edgeIds={edgeIds} />
    </div>
  );
}

/** The panel for the shown selection; while the click's own task runs, the form of the one before is not rendered again. */
const Shown = memo(function Shown({ nodeIds, edgeIds }: { nodeIds: string[]; edgeIds: string[] }) {
  // Only the kind: the panel itself subscribes to the node's config.
  const kind = useDocument((s) => (nodeIds.length === 1 ? s.doc.nodes.find((n) => n.id === nodeIds[0])?.kind : undefined));
  const edgeExists = useDocument((s) => edgeIds.length === 1 && s.doc.edges.some((e) => e.id === edgeIds[0]));

  if (nodeIds.length + edgeIds.length > 1) return <SelectionSummary nodes={nodeIds.length} edges={edgeIds.length} />;
  if (kind) {
    const Panel = PANELS[kind];
    // Keyed by id: drafts and errors belong to one node and go away with the selection.
    return <Panel key={nodeIds[0]} id={nodeIds[0]} />;
  }
  if (edgeExists) return <EdgeInspector key={edgeIds[0]} id={edgeIds[0]} />;
  return <DocumentInspector />;
});
