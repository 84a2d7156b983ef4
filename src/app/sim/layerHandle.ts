/** Lets the canvas's click handler ask the message layer what is under the pointer. */
import type { BoxOf } from './draw';
import type { FlightSet } from '../../worker/flights';

export interface MessageLayerHandle {
  tracker: FlightSet;
  boxOf: BoxOf;
  /** The virtual time currently drawn. */
  time(): number;
}

export const messageLayerHandle: { current: MessageLayerHandle | null } = { current: null };
