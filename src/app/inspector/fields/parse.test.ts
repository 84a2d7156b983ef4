import { describe, expect, it } from 'vitest';
import { formatNumber, parseLines, parseNumber, rowsToTable, tableToRows } from './parse';

describe('parseNumber', () => {
  it('treats an empty field as not set when optional, and as missing otherwise', () => {
    expect(parseNumber('', { optional: true })).toEqual({ ok: true, value: undefined });
    expect(parseNumber('   ', { optional: true })).toEqual({ ok: true, value: undefined });
    expect(parseNumber('')).toEqual({ ok: false, problem: { code: 'required' } });
  });

  it.each(['abc', '1e3', '0x10', 'Infinity', 'NaN', '1,5', '--1', '5 ms', '.'])('refuses %j as not a number', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, problem: { code: 'notNumber' } });
  });

  it('parses plain decimals, trimming spaces', () => {
    expect(parseNumber(' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseNumber('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseNumber('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('-0', { min: 0 })).toEqual({ ok: true, value: 0 });
    expect(Object.is((parseNumber('-0') as { value: number }).value, 0)).toBe(true);
  });

  it('checks whole numbers and bounds', () => {
    expect(parseNumber('1.5', { integer: true })).toEqual({ ok: false, problem: { code: 'notInteger' } });
    expect(parseNumber('-5', { integer: true, min: 0 })).toEqual({ ok: false, problem: { code: 'min', params: { min: 0 } } });
    expect(parseNumber('256', { integer: true, min: 1, max: 255 })).toEqual({ ok: false, problem: { code: 'range', params: { min: 1, max: 255 } } });
    expect(parseNumber('0', { integer: true, min: 1, max: 255 })).toEqual({ ok: false, problem: { code: 'range', params: { min: 1, max: 255 } } });
    expect(parseNumber('7', { max: 5 })).toEqual({ ok: false, problem: { code: 'max', params: { max: 5 } } });
    expect(parseNumber('255', { integer: true, min: 1, max: 255 })).toEqual({ ok: true, value: 255 });
  });

  it('round-trips with formatNumber', () => {
    expect(formatNumber(undefined)).toBe('');
    for (const n of [0, 1, 0.1, 60000, 4294967295]) expect(parseNumber(formatNumber(n))).toEqual({ ok: true, value: n });
  });
});

describe('parseLines', () => {
  it('keeps one item per non-blank line', () => {
    expect(parseLines('a.b\n\n  \r\nc.d\n')).toEqual(['a.b', 'c.d']);
    expect(parseLines('')).toEqual([]);
  });
});

describe('key/value tables', () => {
  it('round-trips typed values', () => {
    const table = { region: 'eu', retries: 3, urgent: true };
    const rows = tableToRows(table);
    expect(rows).toEqual([
      { key: 'region', type: 'string', value: 'eu' },
      { key: 'retries', type: 'number', value: '3' },
      { key: 'urgent', type: 'boolean', value: 'true' },
    ]);
    expect(rowsToTable(rows)).toEqual({ ok: true, value: table });
  });

  it('reports empty and duplicate keys and bad numbers per row', () => {
    const result = rowsToTable([
      { key: '', type: 'string', value: 'x' },
      { key: 'a', type: 'number', value: 'abc' },
      { key: 'a', type: 'string', value: '' },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 0, field: 'key', problem: { code: 'headerKeyRequired' } },
        { row: 1, field: 'value', problem: { code: 'notNumber' } },
        { row: 2, field: 'key', problem: { code: 'headerKeyDuplicate', params: { key: 'a' } } },
      ],
    });
  });

  it('limits the number of rows', () => {
    const rows = [1, 2, 3].map((i) => ({ key: `k${i}`, type: 'string' as const, value: '' }));
    expect(rowsToTable(rows, 2).ok).toBe(false);
  });
});
