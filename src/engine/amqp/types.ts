/**
 * How amqplib encodes JS values into AMQP field tables, and how RabbitMQ names those field types
 * in its error texts ("received the value '1000' of type 'short'"). amqplib picks the smallest
 * signed integer type that fits, `double` for non-integers, `longstr` for strings.
 */
export type AmqpFieldType =
  | 'byte' | 'short' | 'signedint' | 'long' | 'double' | 'longstr' | 'bool' | 'void'
  | 'table' | 'array' | 'binary' | 'timestamp' | 'float' | 'decimal' | 'unsignedbyte'
  | 'unsignedshort' | 'unsignedint';

const EXPLICIT: Record<string, AmqpFieldType> = {
  byte: 'byte', int8: 'byte', unsignedbyte: 'unsignedbyte', uint8: 'unsignedbyte',
  short: 'short', int16: 'short', unsignedshort: 'unsignedshort', uint16: 'unsignedshort',
  int: 'signedint', int32: 'signedint', unsignedint: 'unsignedint', uint32: 'unsignedint',
  long: 'long', int64: 'long', double: 'double', float64: 'double', float: 'float',
  timestamp: 'timestamp', decimal: 'decimal',
};

/** The AMQP type amqplib would encode `v` as (its codec's rules), or null for `undefined`. */
export function fieldType(v: unknown): AmqpFieldType | null {
  if (v === undefined) return null;
  if (v === null) return 'void';
  switch (typeof v) {
    case 'string': return 'longstr';
    case 'boolean': return 'bool';
    case 'number': return numberType(v);
    case 'object': {
      if (Array.isArray(v)) return 'array';
      if (v instanceof Uint8Array) return 'binary';
      const o = v as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(o, '!')) {
        const t = EXPLICIT[String(o['!'])];
        if (!t) throw new TypeError(`Unknown type to encode: ${String(o['!'])}`);
        return t;
      }
      return 'table';
    }
    default:
      throw new TypeError(`cannot encode a ${typeof v} in an AMQP field table`);
  }
}

function numberType(n: number): AmqpFieldType {
  if (n >= 0x8000000000000000 || (Math.abs(n) < 0x4000000000000 && Math.floor(n) !== n)) return 'double';
  if (n < 128 && n >= -128) return 'byte';
  if (n >= -0x8000 && n < 0x8000) return 'short';
  if (n >= -0x80000000 && n < 0x80000000) return 'signedint';
  return 'long';
}

/** The JS value a field holds (unwraps `{'!': type, value}`). */
export function fieldValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '!')) {
    return (v as { value: unknown }).value;
  }
  return v;
}

const INTEGER_TYPES = new Set<AmqpFieldType>(['byte', 'short', 'signedint', 'long', 'unsignedbyte', 'unsignedshort', 'unsignedint']);

export function isIntegerType(t: AmqpFieldType | null): boolean {
  return t !== null && INTEGER_TYPES.has(t);
}

/** RabbitMQ's `type_class`: integer types compare with each other, as do float types. */
export function typeClass(t: AmqpFieldType | null): string | null {
  if (t === null) return null;
  if (INTEGER_TYPES.has(t)) return 'int';
  if (t === 'float' || t === 'double') return 'float';
  return t;
}

/** Erlang-style rendering of a value in an error text (`~p` for terms, `~s` for binaries). */
export function erlTerm(v: unknown): string {
  const x = fieldValue(v);
  if (x === null || x === undefined) return 'undefined';
  if (typeof x === 'string') return x;
  if (typeof x === 'boolean') return String(x);
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : erlFloat(x);
  if (Array.isArray(x)) return `[${x.map((e) => (typeof e === 'string' ? `{longstr,<<"${e}">>}` : erlTerm(e))).join(',')}]`;
  return JSON.stringify(x);
}

function erlFloat(x: number): string {
  const s = String(x);
  return s.includes('e') ? s : s;
}

/** RabbitMQ's `val/1` for a typed value: `the value 'V' of type 'T'`, or `none`. */
export function describeTyped(v: unknown): string {
  const t = fieldType(v);
  if (t === null) return 'none';
  return `the value '${erlTerm(v)}' of type '${t}'`;
}

/** Structural equality of two field values, as Erlang `==` compares decoded AMQP values. */
export function fieldEquals(a: unknown, b: unknown): boolean {
  const x = fieldValue(a);
  const y = fieldValue(b);
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (x instanceof Uint8Array && y instanceof Uint8Array) {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ya = y as unknown[];
    return x.length === ya.length && x.every((e, i) => fieldEquals(e, ya[i]));
  }
  const xk = tableKeys(x as Record<string, unknown>);
  const yk = tableKeys(y as Record<string, unknown>);
  if (xk.length !== yk.length) return false;
  const xt = x as Record<string, unknown>;
  const yt = y as Record<string, unknown>;
  return xk.every((k, i) => k === yk[i] && fieldEquals(xt[k], yt[k]));
}

/** Keys of a field table (own and inherited enumerable, as amqplib's encoder walks them), defined values only, sorted. */
export function tableKeys(t: Record<string, unknown> | null | undefined): string[] {
  if (!t) return [];
  const keys: string[] = [];
  for (const k in t) if (t[k] !== undefined) keys.push(k);
  return keys.sort();
}

/** A plain own-property copy of a field table (flattening amqplib-style prototype chains), undefined values dropped. */
export function copyTable(t: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!t) return out;
  for (const k in t) if (t[k] !== undefined) out[k] = t[k];
  return out;
}
