/**
 * Notable moments of a run, for the marks on the Run time scrubber: the first event of each kind
 * at an instant among dead-lettered, returned, expired, an alarm set and a node down. Bounded: a
 * run that dead-letters a thousand messages a second would otherwise cover the scrubber.
 */
import type { TraceEvent } from '../engine';

export type MarkKind = 'dead-lettered' | 'returned' | 'expired' | 'alarm' | 'node-down' | 'lesson';

export interface RunMark {
  kind: MarkKind;
  /** Virtual time and trace seq of the event: the scrubber goes to exactly that event. */
  t: number;
  seq: number;
  /** A lesson mark: the step (from 0) whose counter check the run met there (travel.ts). */
  step?: number;
}

/** Marks kept per run; later notable events are not marked (the scrubber still reaches them). */
export const MARK_LIMIT = 200;

function kindOf(e: TraceEvent): MarkKind | null {
  switch (e.type) {
    case 'dead-lettered':
    case 'returned':
    case 'expired':
    case 'node-down':
      return e.type;
    case 'alarm-set':
      return 'alarm';
    default:
      return null;
  }
}

export class RunMarks {
  readonly list: RunMark[] = [];
  /** Kind → time of its last mark, so one instant gets one mark per kind. */
  private last = new Map<MarkKind, number>();

  observe(e: TraceEvent): void {
    const kind = kindOf(e);
    if (!kind || this.list.length >= MARK_LIMIT || this.last.get(kind) === e.t) return;
    this.last.set(kind, e.t);
    this.list.push({ kind, t: e.t, seq: e.seq });
  }
}
