/**
 * The budget of the page's initial JavaScript: what index.html loads before anything is lazy (its
 * module script and modulepreload links), gzipped. A build over budget fails, so a regression cannot
 * land silently (a build runs in CI before the e2e tests: `npm run test:e2e`). The same measure as
 * bench/ui.ts `initialJsGzipKb`.
 *
 * Most of the budget is React, React Flow, zod and i18next. The engine is not in it: it runs in the
 * worker, and the page's start-up code reaches it only through src/engine/policies.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const INITIAL_JS_BUDGET_KB = 300;

/** Each initial file's gzipped size (kB), from a built index.html in `outDir`. */
export function initialJs(outDir: string): { file: string; kb: number }[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
  return [...refs].map((file) => ({ file, kb: gzipSync(readFileSync(join(outDir, file.replace(/^\//, '')))).byteLength / 1024 }));
}

export function initialJsBudget(budgetKb = INITIAL_JS_BUDGET_KB): Plugin {
  // An unminified build (bench/ui.ts --no-minify, for profiles that name functions) is not what ships.
  let minified = true;
  return {
    name: 'warren-initial-js-budget',
    apply: 'build',
    configResolved(config) {
      minified = config.build.minify !== false;
    },
    writeBundle(options, bundle) {
      if (!options.dir || !('index.html' in bundle) || !minified) return;
      const files = initialJs(options.dir);
      const total = files.reduce((s, f) => s + f.kb, 0);
      const summary = `initial JavaScript ${total.toFixed(1)} kB gzipped (budget ${budgetKb} kB)`;
      if (total <= budgetKb) {
        this.info(summary);
        return;
      }
      const largest = [...files].sort((a, b) => b.kb - a.kb).slice(0, 8);
      this.error(
        `${summary}. Largest files:\n${largest.map((f) => `  ${f.kb.toFixed(1).padStart(6)} ${f.file}`).join('\n')}\n` +
          'Something the page does not need at start is loaded with it (scripts/vite-js-budget.ts).',
      );
    },
  };
}
