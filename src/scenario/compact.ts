/**
 * Drop every field whose value equals its schema default, guided by the zod schema itself, so a
 * share link carries only what differs. Parsing the result with the same schema puts the defaults back.
 */
import './zodConfig';
import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
  in?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** `value` (already valid for `schema`) without the fields that equal their defaults. */
export function stripDefaults(value: unknown, schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
      return stripDefaults(value, def.innerType!);
    case 'pipe':
      return stripDefaults(value, def.in!);
    case 'array':
      return Array.isArray(value) ? value.map((v) => stripDefaults(v, def.element!)) : value;
    case 'record':
      return isPlainObject(value) ? mapValues(value, (v) => stripDefaults(v, def.valueType!)) : value;
    case 'object':
      return isPlainObject(value) ? stripObject(value, def.shape!) : value;
    case 'union':
      return stripUnion(value, def);
    default:
      return value;
  }
}

function stripObject(value: Record<string, unknown>, shape: Record<string, z.ZodType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = shape[key];
    if (!field) continue;
    const fieldDef = defOf(field);
    if (fieldDef.type === 'default' && deepEqual(v, fieldDef.defaultValue)) continue;
    if (v === undefined) continue;
    out[key] = stripDefaults(v, field);
  }
  return out;
}

function stripUnion(value: unknown, def: Def): unknown {
  if (!def.discriminator || !isPlainObject(value)) return value;
  const tag = value[def.discriminator];
  const option = def.options!.find((o) => {
    const values = (o as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues;
    return values?.[def.discriminator!]?.has(tag);
  });
  if (!option) return value;
  // The discriminator has no default, so it always survives.
  return stripDefaults(value, option);
}

function mapValues(obj: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // defineProperty, so a key named `__proto__` stays plain data.
  for (const [k, v] of Object.entries(obj)) Object.defineProperty(out, k, { value: f(v), enumerable: true, writable: true, configurable: true });
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality for JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
