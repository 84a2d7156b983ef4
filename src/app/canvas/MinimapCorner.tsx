import { ControlButton, MiniMap, useStore, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { FlowNode } from './types';

const SIZE = { width: 160, height: 104 };
/** React Flow's margin around a panel. */
const MARGIN = 15;
const COLOR: Record<string, string> = { producer: '#52525b', exchange: '#2563eb', queue: '#a1a1aa', consumer: '#71717a', note: '#fcd34d' };
const colorOf = (n: FlowNode) => COLOR[n.type ?? ''] ?? '#a1a1aa';

/** Each node's box on screen (the pane's pixels). */
function* screenBoxes(s: ReactFlowState) {
  const [tx, ty, zoom] = s.transform;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    yield { left: x * zoom + tx, top: y * zoom + ty, right: (x + (n.measured.width ?? 0)) * zoom + tx, bottom: (y + (n.measured.height ?? 0)) * zoom + ty };
  }
}

/**
 * Where the minimap stands, in one pass over the nodes: 'hidden' while every node is in view (only
 * then does it not earn its corner), else 'taken' when a node shows in the corner it would cover,
 * else 'free'.
 */
function corner(s: ReactFlowState): 'hidden' | 'taken' | 'free' {
  const left = s.width - MARGIN - SIZE.width;
  const top = s.height - MARGIN - SIZE.height;
  let out = false;
  let taken = false;
  for (const b of screenBoxes(s)) {
    if (b.left < 0 || b.top < 0 || b.right > s.width || b.bottom > s.height) out = true;
    if (b.right > left && b.bottom > top && b.left < s.width && b.top < s.height) taken = true;
  }
  return out ? (taken ? 'taken' : 'free') : 'hidden';
}

/** The reader's choice, once made with the map button (null: shown when it covers no node). */
const useChoice = create<{ open: boolean | null }>(() => ({ open: null }));

function useMinimap(): { needed: boolean; open: boolean } {
  const where = useStore(corner);
  const chosen = useChoice((s) => s.open);
  const needed = where !== 'hidden';
  return { needed, open: needed && (chosen ?? where === 'free') };
}

/**
 * The overview map, in the bottom-right corner while some node is out of view. It never covers a
 * node on its own: when one shows in its corner, the map stays folded, and the map button in the
 * canvas controls (`MinimapButton`) opens it.
 */
export function MinimapCorner() {
  const { t } = useTranslation('editor');
  const { open } = useMinimap();
  return open ? <MiniMap position="bottom-right" style={SIZE} pannable zoomable nodeColor={colorOf} nodeBorderRadius={6} ariaLabel={t('canvas.minimap')} /> : null;
}

/** Shows or hides the overview map; in the canvas controls while some node is out of view. */
export function MinimapButton() {
  const { t } = useTranslation('editor');
  const { needed, open } = useMinimap();
  if (!needed) return null;
  const label = t(open ? 'canvas.hideMinimap' : 'canvas.showMinimap');
  return (
    <ControlButton onClick={() => useChoice.setState({ open: !open })} aria-label={label} title={label} aria-pressed={open} data-minimap-toggle>
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden style={{ fill: 'none' }}>
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
        <rect x="8" y="8" width="5" height="4" rx="0.5" fill="currentColor" stroke="none" />
      </svg>
    </ControlButton>
  );
}
