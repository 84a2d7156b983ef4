/**
 * What the page tells the message layer's renderer and what it answers. The renderer draws in its
 * own worker where the browser can hand a canvas to one (OffscreenCanvas), so that the animation
 * keeps its frames while React renders a refresh; elsewhere the same code runs on the page.
 */
import type { MotionMessage } from '../../../worker/protocol';

export type RenderCommand =
  /** The canvas to draw on (transferred to the worker), once. */
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** The canvas's size in device pixels. */
  | { type: 'size'; width: number; height: number; dpr: number }
  /**
   * The port the simulation sends its motion through (worker/motion-port.ts): each engine frame's
   * marks and time, and a clear at every new run. A new port replaces the last.
   */
  | { type: 'port'; port: MessagePort }
  | MotionMessage
  /** Pan and zoom: device pixels = (flow × zoom + x, y) × dpr. */
  | { type: 'view'; x: number; y: number; zoom: number }
  /** Node boxes in flow units: x, y, width, height per id. */
  | { type: 'boxes'; ids: string[]; boxes: Float64Array }
  | { type: 'theme'; dark: boolean }
  /** Which message is drawn nearest to a flow point, within `radius`? */
  | { type: 'hit'; requestId: number; x: number; y: number; radius: number };

/** Frame lengths the renderer saw, counted in 1 ms bins (the last bin holds everything longer). */
export const FRAME_BINS = 101;

export type RenderReply =
  | {
      type: 'stats';
      /** Marks moving along edges at the drawn time. */
      inFlight: number;
      /** Marks parked at consumers. */
      parked: number;
      /** The virtual time drawn. */
      t: number;
      /** Trace events received since the layer started. */
      events: number;
      /** Frames drawn while playing in which the marks could not move (nothing newer was known yet), since the layer started. */
      stalled: number;
      /** Frames drawn, by length in ms (see FRAME_BINS), since the layer started. */
      frameBins: number[];
    }
  | { type: 'hit'; requestId: number; id: number | null };
