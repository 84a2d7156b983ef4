/**
 * Pure parsers for form fields: text in, a value or a coded problem out. Components turn a
 * problem into a sentence through i18n (`inspector:errors.<code>`).
 */

export type ProblemCode =
  | 'required'
  | 'notNumber'
  | 'notInteger'
  | 'range'
  | 'min'
  | 'max'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameReserved'
  | 'nameTaken'
  | 'topicWildcard'
  | 'headerKeyRequired'
  | 'headerKeyDuplicate'
  | 'tooMany';

export interface Problem {
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export interface NumberRule {
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** An empty field means "not set" (undefined) instead of an error. */
  optional?: boolean;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Parse a number typed by a person: plain decimal notation only (no `1e3`, no `0x10`, no `Infinity`). */
export function parseNumber(raw: string, rule: NumberRule = {}): Parsed<number | undefined> {
  const text = raw.trim();
  if (text === '') return rule.optional ? { ok: true, value: undefined } : { ok: false, problem: { code: 'required' } };
  if (!DECIMAL.test(text)) return { ok: false, problem: { code: 'notNumber' } };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, problem: { code: 'notNumber' } };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, problem: { code: 'notInteger' } };
  const { min, max } = rule;
  const low = min !== undefined && value < min;
  const high = max !== undefined && value > max;
  if (low || high) {
    if (min !== undefined && max !== undefined) return { ok: false, problem: { code: 'range', params: { min, max } } };
    return low ? { ok: false, problem: { code: 'min', params: { min: min! } } } : { ok: false, problem: { code: 'max', params: { max: max! } } };
  }
  // Normalise -0 so that "−0" commits as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Show a number the way a person would type it; undefined is an empty field. */
export function formatNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** Text that means "not set" when empty (reply-to, content type…). */
export function parseOptionalText(raw: string): string | undefined {
  return raw === '' ? undefined : raw;
}

/** One item per line; blank lines are dropped, surrounding spaces kept (routing keys may contain them). */
export function parseLines(raw: string): string[] {
  return raw.split(/\r?\n/).filter((l) => l.trim() !== '');
}

export type HeaderType = 'string' | 'number' | 'boolean';

export interface HeaderRow {
  key: string;
  type: HeaderType;
  value: string;
}

export type HeaderValue = string | number | boolean | null;

/** Rows for a key/value table from an AMQP table (null values show as empty strings). */
export function tableToRows(table: Record<string, HeaderValue>): HeaderRow[] {
  return Object.entries(table).map(([key, v]) => ({
    key,
    type: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string',
    value: v === null ? '' : String(v),
  }));
}

export interface RowProblem {
  row: number;
  field: 'key' | 'value';
  problem: Problem;
}

/** Rows back to an AMQP table, or the problems of each row. */
export function rowsToTable(rows: HeaderRow[], maxRows = Infinity): { ok: true; value: Record<string, HeaderValue> } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const value: Record<string, HeaderValue> = {};
  if (rows.length > maxRows) problems.push({ row: rows.length - 1, field: 'key', problem: { code: 'tooMany', params: { max: maxRows } } });
  rows.forEach((r, row) => {
    if (r.key === '') problems.push({ row, field: 'key', problem: { code: 'headerKeyRequired' } });
    else if (seen.has(r.key)) problems.push({ row, field: 'key', problem: { code: 'headerKeyDuplicate', params: { key: r.key } } });
    seen.add(r.key);
    if (r.type === 'number') {
      const n = parseNumber(r.value);
      if (!n.ok) problems.push({ row, field: 'value', problem: n.problem });
      else value[r.key] = n.value!;
    } else if (r.type === 'boolean') {
      value[r.key] = r.value === 'true';
    } else {
      value[r.key] = r.value;
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
