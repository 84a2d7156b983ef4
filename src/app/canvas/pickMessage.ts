/** Click-to-inspect: what message is drawn under a screen point, asked of the message layer. */
import { messageLayerHandle } from '../sim/layerHandle';
import { openMessage } from '../messages/store';
import { getFlow } from './flowApi';

/** Pointer slack in screen pixels, whatever the zoom. */
const SLACK_PX = 12;

/** Opens the message under (clientX, clientY) in the message inspector; resolves to its id, if any. */
export async function messageAt(clientX: number, clientY: number): Promise<number | null> {
  const flow = getFlow();
  const layer = messageLayerHandle.current;
  if (!flow || !layer) return null;
  // Exactly where the pointer is: with snap to grid on, React Flow would round it to the grid,
  // up to half a grid step (10 px on screen) away from the envelope clicked.
  const p = flow.screenToFlowPosition({ x: clientX, y: clientY }, { snapToGrid: false });
  const id = await layer.hit(p.x, p.y, SLACK_PX / flow.getZoom());
  if (id !== null) openMessage(id);
  return id;
}
