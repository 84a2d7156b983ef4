/// <reference lib="webworker" />
/**
 * ELK's layouter in a worker of its own, so that laying out a preset or an import never holds the
 * page up (ELK takes a quarter of a second on a fast machine, over a second on a slow laptop).
 * elk-worker answers elk-api's messages on its own once loaded (it sets `self.onmessage`).
 */
import 'elkjs/lib/elk-worker.min.js';
