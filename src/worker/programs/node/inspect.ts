/**
 * Console text as Node prints it, in brief: `util.format` placeholders, strings as they are,
 * Buffers as `<Buffer 68 65 6c 6c 6f>`, errors with their name and message, objects inspected
 * two levels deep. Never throws, whatever a program logs (getters, cycles, proxies).
 */
const MAX_BYTES = 50;

export function format(args: unknown[]): string {
  if (typeof args[0] !== 'string' || !args[0].includes('%')) return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  let i = 1;
  const head = args[0].replace(/%([sdifjoOc%])/g, (all, k: string) => {
    if (k === '%') return '%';
    if (i >= args.length) return all;
    const v = args[i++];
    switch (k) {
      case 's': return typeof v === 'string' ? v : inspect(v, 1);
      case 'd': case 'i': return String(k === 'i' ? Math.trunc(Number(v)) : Number(v));
      case 'f': return String(Number(v));
      case 'j': return safe(() => JSON.stringify(v)) ?? '[Circular]';
      case 'c': return '';
      default: return inspect(v);
    }
  });
  return [head, ...args.slice(i).map((a) => (typeof a === 'string' ? a : inspect(a)))].join(' ');
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function inspect(v: unknown, depth = 2, seen: unknown[] = []): string {
  return safe(() => show(v, depth, seen)) ?? '[object]';
}

function show(v: unknown, depth: number, seen: unknown[]): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return seen.length ? `'${v.replace(/'/g, "\\'")}'` : v;
    case 'number': case 'boolean': return String(v);
    case 'bigint': return `${v}n`;
    case 'symbol': return v.toString();
    case 'function': return `[Function: ${v.name || '(anonymous)'}]`;
  }
  if (v instanceof Uint8Array) {
    const bytes = Array.from(v.subarray(0, MAX_BYTES), (b) => b.toString(16).padStart(2, '0')).join(' ');
    const more = v.length > MAX_BYTES ? ` ... ${v.length - MAX_BYTES} more bytes` : '';
    return `<Buffer${bytes ? ' ' + bytes : ''}${more}>`;
  }
  if (v instanceof Error) return seen.length ? `[${v.name}: ${v.message}]` : `${v.name}: ${v.message}`;
  if (seen.includes(v)) return '[Circular]';
  if (depth < 0) return Array.isArray(v) ? '[Array]' : '[Object]';
  const next = [...seen, v];
  if (Array.isArray(v)) {
    const items = v.slice(0, 100).map((x) => show(x, depth - 1, next));
    if (v.length > 100) items.push(`... ${v.length - 100} more items`);
    return items.length ? `[ ${items.join(', ')} ]` : '[]';
  }
  if (v instanceof Map) return `Map(${v.size}) {${[...v].slice(0, 50).map(([k, x]) => ` ${show(k, depth - 1, next)} => ${show(x, depth - 1, next)}`).join(',')} }`;
  if (v instanceof Set) return `Set(${v.size}) {${[...v].slice(0, 50).map((x) => ` ${show(x, depth - 1, next)}`).join(',')} }`;
  if (v instanceof Promise) return 'Promise { <pending> }';
  const entries = Object.keys(v as object).slice(0, 100).map((k) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`;
    return `${key}: ${show((v as Record<string, unknown>)[k], depth - 1, next)}`;
  });
  const name = safe(() => (v as object).constructor?.name);
  const tag = name && name !== 'Object' ? `${name} ` : '';
  return entries.length ? `${tag}{ ${entries.join(', ')} }` : `${tag}{}`;
}
