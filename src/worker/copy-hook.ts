/**
 * The engine's copy hook (engine/kernel/copy.ts's COPY, a registered symbol), for classes the page
 * loads too (the message layer's): importing it from the engine would bring the whole engine into
 * the page's first script.
 */
import type { COPY as EngineCopy } from '../engine';

export const COPY = Symbol.for('warren.copy') as typeof EngineCopy;
