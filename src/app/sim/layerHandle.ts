/** Lets the canvas's click handler ask the message layer what is under the pointer. */
import type { BoxOf } from './draw';
import type { MotionView } from '../../worker/motion';

export interface MessageLayerHandle {
  tracker: MotionView;
  boxOf: BoxOf;
  /** The virtual time currently drawn. */
  time(): number;
}

export const messageLayerHandle: { current: MessageLayerHandle | null } = { current: null };
