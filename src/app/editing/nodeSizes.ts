/** Node sizes for layout before React Flow has measured them (tests, hidden canvas). */
import type { NodeKind } from '../../scenario/schema';

export type Size = { width: number; height: number };

/** Used when a node has not been measured on screen (tests, hidden canvas). */
export const DEFAULT_SIZE: Record<NodeKind, Size> = {
  producer: { width: 210, height: 64 },
  exchange: { width: 190, height: 84 },
  queue: { width: 230, height: 96 },
  consumer: { width: 210, height: 72 },
  note: { width: 200, height: 100 },
};

