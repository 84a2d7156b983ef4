/**
 * Argument checks with amqplib's rules and wording: a wrong type is a TypeError, never a silent
 * default; where amqplib defaults a missing value, so do we.
 */

/**
 * Whether an error is one of amqplib's encoder's (a field of the wrong type, a mandatory field missing),
 * raised after the RPC took the channel's reply slot (see Channel.wedged).
 */
export function isEncodeError(e: unknown): boolean {
  return e instanceof Error && (/^Field '[^']+' is the wrong type/.test(e.message) || e.message.startsWith('Missing value for mandatory field'));
}

export function shortstr(field: string, v: unknown, mandatory = false): string {
  if (v === undefined) {
    if (mandatory) throw new Error(`Missing value for mandatory field '${field}'`);
    return '';
  }
  if (typeof v !== 'string' || utf8Length(v) >= 256) {
    throw new TypeError(`Field '${field}' is the wrong type; must be a string (up to 255 chars)`);
  }
  return v;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- options are read field by field and each is checked
export function optionsObject(name: string, v: unknown): Record<string, any> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`${name} options must be an object`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return v as Record<string, any>;
}

export function flag(name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new TypeError(`option '${name}' must be a boolean, got ${typeof v}`);
  return v;
}

export function fieldTable(name: string, v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`Field '${name}' is the wrong type; must be an object`);
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = x;
  }
  return out;
}

export function content(v: unknown): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new TypeError('content is not a buffer'); // amqplib's words (recorded: w-api-client-errors)
  return v;
}

export function uint(name: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    throw new TypeError(`'${name}' must be an integer from 0 to ${max}, got ${String(v)}`);
  }
  return v;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
