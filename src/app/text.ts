/**
 * Translation for the renders that run on every refresh of a busy run (node counters, log rows).
 * i18next's own `t` costs ~16 µs a call (each call copies the instance's options and re-parses
 * the key); a refresh makes a few hundred. This compiles each text once per language into its
 * literal parts and `{{name}}` slots, and fills them in, choosing plural forms as i18next does
 * (`_zero` for a count of 0 where written, then the language's plural rule, then the bare key).
 * Anything else (context, nesting, formats, a missing key or value) goes to i18next.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What hot renders call: a key and its values, no other options. */
export type Translate = (key: string, vars?: Readonly<Record<string, unknown>>) => string;

/** Literal text at even indexes, value names at odd ones. */
type Compiled = readonly string[];

const SLOT = /\{\{\s*([\w]+)\s*\}\}/g;
/** Nesting, formatting, unescaped or nested-path slots: i18next's business. */
const UNSUPPORTED = /\$t\(|\{\{[^}]*[,\-.(]|\{\{[^}]*\{\{/;

function compile(text: string): Compiled | null {
  if (UNSUPPORTED.test(text)) return null;
  return text.split(SLOT);
}

/** A fast `t` for one language and namespace, falling back to i18next's `t` (which it is given). */
export function compiledTranslate(i18n: I18n, lng: string, ns: string, t: TFunction): Translate {
  const cache = new Map<string, Compiled | null>();
  const slow = t as unknown as (key: string, vars?: object) => string;
  const plural = new Intl.PluralRules(lng);
  const lookup = (key: string): Compiled | null => {
    let parts = cache.get(key);
    if (parts === undefined) {
      const text: unknown = i18n.getResource(lng, ns, key);
      parts = typeof text === 'string' ? compile(text) : null;
      cache.set(key, parts);
    }
    return parts;
  };
  return (key, vars) => {
    if (vars && 'context' in vars) return slow(key, vars);
    let parts: Compiled | null;
    if (vars && 'count' in vars) {
      const count = vars.count;
      if (typeof count !== 'number') return slow(key, vars);
      parts = (count === 0 ? lookup(`${key}_zero`) : null) ?? lookup(`${key}_${plural.select(count)}`) ?? lookup(key);
    } else {
      parts = lookup(key);
    }
    if (parts === null) return slow(key, vars);
    if (parts.length === 1) return parts[0];
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const v = vars?.[parts[i]];
      if (typeof v === 'string') out += v;
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out += String(v);
      else return slow(key, vars);
      out += parts[i + 1];
    }
    return out;
  };
}

/** Compiled texts per i18next instance, language and namespace, shared by every component. */
const compiled = new WeakMap<I18n, Map<string, Translate>>();

function shared(i18n: I18n, lng: string, ns: string): Translate {
  let byKey = compiled.get(i18n);
  if (!byKey) compiled.set(i18n, (byKey = new Map()));
  const key = `${lng}|${ns}`;
  let translate = byKey.get(key);
  if (!translate) byKey.set(key, (translate = compiledTranslate(i18n, lng, ns, i18n.getFixedT(lng, ns))));
  return translate;
}

/** `useTranslation(ns).t`, compiled: for components that re-render on every refresh. */
export function useText(ns: string): Translate {
  const { i18n } = useTranslation(ns);
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => shared(i18n, lng, ns), [i18n, lng, ns]);
}
