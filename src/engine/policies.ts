/**
 * The engine's second public entry, for code that runs when the page starts: the pure policy and
 * resource helpers the document's `broker` section needs (src/scenario/broker.ts checks policies
 * and shows each queue its policy's letters on the first paint). Everything else comes through
 * index.ts.
 *
 * Why a second entry: index.ts re-exports the whole engine, and importing it from the page's
 * start-up code made the bundler load every engine module with the page (a ~32 kB gzipped chunk
 * the page does not run; the engine runs in the worker). This file imports only the few small
 * modules these helpers live in, so the page loads just those. Keep it that way: no classes of
 * the running broker here (scripts/vite-js-budget.ts fails the build if the initial JS grows past budget).
 */
export { bestPolicy, makePolicy } from './queues/policies';
export type { Policy, PolicyInfo, ApplyTo } from './queues/policies';
export { compileRegex } from './server/regex';
export { DEFAULT_RESOURCES } from './server/resources';
export type { ResourceSettings } from './server/resources';
