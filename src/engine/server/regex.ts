/**
 * Permission regexes, in a module of their own: src/engine/policies.ts (loaded with the page) needs this
 * function and not the rest of auth.ts.
 */

/** Compiles a permission regex ('' matches nothing, as in rabbit_auth_backend_internal). Throws a clear Error. */
export function compileRegex(what: string, source: string): RegExp | null {
  if (typeof source !== 'string') throw new TypeError(`${what} must be a string regex`);
  if (source === '') return null;
  try {
    return new RegExp(source);
  } catch (e) {
    throw new Error(`invalid ${what} regex '${source}': ${(e as Error).message}`, { cause: e });
  }
}
