import { Panel } from '@xyflow/react';
import { useUi } from '../../store/ui';
import { IconGrid, IconHand, IconPointer } from '../shell/icons';
import { ToolButton } from '../shell/ToolButton';

/** Canvas modes, top left over the canvas: pan or box-select on drag, and snap to grid. */
export function CanvasToolbar() {
  const dragMode = useUi((s) => s.dragMode);
  const snap = useUi((s) => s.snapToGrid);
  return (
    <Panel position="top-left" className="flex items-center gap-0.5 rounded-lg border border-zinc-200 bg-white/95 p-0.5 shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95">
      <ToolButton action="toggleDragMode" icon={dragMode === 'select' ? <IconPointer /> : <IconHand />} pressed={dragMode === 'select'} />
      <ToolButton action="toggleSnap" icon={<IconGrid />} pressed={snap} />
    </Panel>
  );
}
