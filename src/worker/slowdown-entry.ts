/// <reference lib="webworker" />
/** Imported first by each worker entry, so the benchmark's slow-down (slowdown.ts) wraps what the worker's modules set up. */
import { slowDown } from './slowdown';

slowDown(self as unknown as DedicatedWorkerGlobalScope);
