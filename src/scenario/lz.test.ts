import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { decompressUriSafe } from './lz';
import { lzBomb, lzBombSize } from './testing/lzBomb';

describe('decompressUriSafe', () => {
  it('decodes whatever lz-string encodes, exactly as lz-string does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        const encoded = LZString.compressToEncodedURIComponent(text);
        expect(decompressUriSafe(encoded, Infinity)).toEqual({ ok: true, text });
        expect(LZString.decompressFromEncodedURIComponent(encoded)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  // A cut can land where the remaining bits happen to spell the end marker: then the decoder can
  // only return a prefix of the text, which the JSON and schema layers refuse as truncated.
  it('never reads a cut-off link as something else: it is refused or yields a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), (text, cut) => {
        const encoded = LZString.compressToEncodedURIComponent(text);
        const prefix = encoded.slice(0, cut % encoded.length);
        const r = decompressUriSafe(prefix, Infinity);
        if (r.ok) expect(text.startsWith(r.text)).toBe(true);
        else expect(['empty', 'truncated', 'corrupt']).toContain(r.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the size limit instead of expanding a crafted link', () => {
    const small = lzBomb(100);
    expect(LZString.decompressFromEncodedURIComponent(small)).toBe('a'.repeat(lzBombSize(100)));
    expect(decompressUriSafe(small, Infinity)).toEqual({ ok: true, text: 'a'.repeat(lzBombSize(100)) });
    const bomb = lzBomb(20_000); // 200 million characters from a 50 kB link
    expect(bomb.length).toBeLessThan(60_000);
    expect(decompressUriSafe(bomb, 1_000_000)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('names a character outside the alphabet and where it is', () => {
    expect(decompressUriSafe('N4Ig<script>', 100)).toEqual({ ok: false, reason: 'alphabet', at: 4 });
  });
});
