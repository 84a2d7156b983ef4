/** Click-to-inspect: what message is drawn under a screen point, read from the message layer. */
import { hitTest } from '../sim/draw';
import { messageLayerHandle } from '../sim/layerHandle';
import { openMessage } from '../messages/store';
import { getFlow } from './flowApi';

/** Pointer slack in screen pixels, whatever the zoom. */
const SLACK_PX = 12;

/** Opens the message under (clientX, clientY) in the message inspector; returns its id, if any. */
export function messageAt(clientX: number, clientY: number): number | null {
  const flow = getFlow();
  const layer = messageLayerHandle.current;
  if (!flow || !layer) return null;
  const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
  const zoom = flow.getZoom();
  const id = hitTest(layer.tracker, layer.boxOf, layer.time(), p.x, p.y, SLACK_PX / zoom);
  if (id !== null) openMessage(id);
  return id;
}
