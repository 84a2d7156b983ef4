/**
 * The preset registry: every scenario `?preset=<id>` can open, each with its lesson.
 * Order is the order a learner meets them.
 */
import type { Preset } from './types';
import { helloWorld } from './hello-world';
import { workQueues } from './work-queues';

export type { Preset } from './types';

export const PRESETS: readonly Preset[] = [helloWorld, workQueues];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
