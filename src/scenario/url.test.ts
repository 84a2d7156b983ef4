import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { PRESETS } from './presets';
import { decodeShareHash, encodeShareHash, LINK_ERRORS, MAX_HASH_CHARS, parseLocation, shareUrl } from './url';
import { arbitraryScenario } from './testing/arbitrary';
import { lzBomb } from './testing/lzBomb';
import { SCENARIO_VERSION } from './schema';

/** A realistic deployed origin and path, about 40 characters. */
const ORIGIN = 'https://warren-simulator.example.org/app/';

describe('share links', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s round-trips through the link unchanged', (_, preset) => {
    const r = decodeShareHash(encodeShareHash(preset.doc));
    expect(r).toEqual({ ok: true, doc: preset.doc });
    if (r.ok) expect(r.doc).toStrictEqual(preset.doc);
  });

  it('keeps every preset link within 2,000 characters', () => {
    const sizes = PRESETS.map((p) => ({ id: p.id, chars: shareUrl(ORIGIN, p.doc).length }));
    console.log(`Preset share URL sizes (origin ${ORIGIN.length} chars):\n` + sizes.map((s) => `  ${s.id.padEnd(22)} ${s.chars}`).join('\n'));
    for (const s of sizes) expect(s.chars, s.id).toBeLessThanOrEqual(2000);
  });

  it('carries a changed lesson in full, and a preset lesson by reference', () => {
    const doc = PRESETS[0].doc;
    const edited = { ...doc, lesson: { steps: [{ title: { en: 'Mine', zh: '我的' }, body: { en: 'Text', zh: '文字' } }] } };
    expect(decodeShareHash(encodeShareHash(edited))).toEqual({ ok: true, doc: edited });
    expect(encodeShareHash(edited).length).toBeGreaterThan(encodeShareHash({ ...doc, lesson: undefined }).length);
  });

  it('round-trips random valid documents', () => {
    fc.assert(
      fc.property(arbitraryScenario, (doc) => {
        const r = decodeShareHash(encodeShareHash(doc));
        expect(r.ok && r.doc).toStrictEqual(doc);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('keeps HTML in names as plain text', () => {
    const doc = { ...PRESETS[0].doc, title: '<img src=x onerror=alert(1)>' };
    const r = decodeShareHash(encodeShareHash(doc));
    expect(r.ok && r.doc.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('broken links name the problem', () => {
  const good = encodeShareHash(PRESETS[5].doc);
  const encode = (value: unknown) => '#s=' + LZString.compressToEncodedURIComponent(JSON.stringify(value));

  it('truncated', () => {
    expect(decodeShareHash(good.slice(0, Math.floor(good.length * 0.6)))).toEqual({ ok: false, error: LINK_ERRORS.truncated });
  });
  it('garbled characters', () => {
    const r = decodeShareHash(good.slice(0, 20) + '<>' + good.slice(20));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/garbled.*"<" at position 18/);
  });
  it('garbled data', () => {
    const r = decodeShareHash('#s=' + 'Zm9vYmFy'.repeat(20));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/garbled|incomplete/);
  });
  it('empty', () => expect(decodeShareHash('#s=')).toEqual({ ok: false, error: LINK_ERRORS.empty }));
  it('not a Warren link', () => expect(decodeShareHash('#section-2')).toEqual({ ok: false, error: LINK_ERRORS.noScenario }));
  it('oversized link', () => {
    const r = decodeShareHash('#s=' + 'A'.repeat(MAX_HASH_CHARS + 1));
    expect(r).toEqual({ ok: false, error: LINK_ERRORS.tooLong(MAX_HASH_CHARS + 1) });
    if (!r.ok) expect(r.error).toContain('200,001 characters');
  });
  it('oversized when unpacked', () => {
    const r = decodeShareHash('#s=' + lzBomb(4000));
    expect(r).toEqual({ ok: false, error: LINK_ERRORS.tooLarge });
  });
  it('unknown version', () => {
    const r = decodeShareHash(encode({ ...PRESETS[0].doc, version: SCENARIO_VERSION + 1 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/newer Warren \(format version 2/);
  });
  it('JSON that is not a scenario', () => {
    expect(decodeShareHash('#s=' + LZString.compressToEncodedURIComponent('{"version":1,'))).toEqual({ ok: false, error: LINK_ERRORS.notJson });
    const r = decodeShareHash(encode([1, 2, 3]));
    expect(!r.ok && r.error).toMatch(/must be a JSON object/);
  });
  it('__proto__ keys do not pollute', () => {
    const text = JSON.stringify(PRESETS[0].doc).replace('{', '{"__proto__":{"polluted":true},');
    const r = decodeShareHash('#s=' + LZString.compressToEncodedURIComponent(text));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('percent-encoded links still open', () => {
    const r = decodeShareHash(good.replace(/\$/g, '%24').replace(/\+/g, '%2B'));
    expect(r.ok).toBe(true);
  });
});

describe('parseLocation', () => {
  it('opens a preset', () => {
    const r = parseLocation('?preset=topics', '');
    expect(r.source).toMatchObject({ kind: 'preset', id: 'topics' });
    expect(r).toMatchObject({ embed: false, readonly: false });
  });
  it('lists the valid ids for an unknown preset', () => {
    const r = parseLocation('?preset=nope', '');
    expect(r.source.kind).toBe('error');
    if (r.source.kind === 'error') {
      expect(r.source.error).toContain('"nope"');
      for (const p of PRESETS) expect(r.source.error).toContain(p.id);
    }
  });
  it('prefers a shared scenario over a preset, and reads the flags', () => {
    const hash = encodeShareHash(PRESETS[1].doc);
    const r = parseLocation('?preset=topics&embed=1&readonly', hash);
    expect(r).toMatchObject({ embed: true, readonly: true, source: { kind: 'share', doc: PRESETS[1].doc } });
    expect(parseLocation('?embed=0', '').embed).toBe(false);
  });
  it('reports a broken shared scenario', () => {
    expect(parseLocation('', '#s=@@@').source).toMatchObject({ kind: 'error' });
  });
  it('opens nothing by default', () => expect(parseLocation('', '').source).toEqual({ kind: 'none' }));
});
