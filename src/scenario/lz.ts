/**
 * A bounded decoder for lz-string's `compressToEncodedURIComponent` format.
 *
 * lz-string's own decoder cannot be told to stop: LZW output grows quadratically with the number of
 * codes, so a crafted 100 kB link could expand to gigabytes before we get to check its size. This
 * port of `LZString._decompress` stops at `maxChars`, rejects characters outside the alphabet, and
 * tells a truncated link (input ran out before the end marker) from a corrupt one (an impossible code).
 * Encoding stays with lz-string itself; a property test checks the two agree.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export type LzFailure = 'empty' | 'alphabet' | 'truncated' | 'corrupt' | 'too-large';
export type LzResult = { ok: true; text: string } | { ok: false; reason: LzFailure; at?: number };

class OutOfInput extends Error {}

/** Decode `input` (URI-safe lz-string) into at most `maxChars` characters. */
export function decompressUriSafe(input: string, maxChars: number): LzResult {
  if (input.length === 0) return { ok: false, reason: 'empty' };
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    // lz-string tolerates '+' turned into ' ' by form encoding; so do we.
    const v = VALUE.get(input[i] === ' ' ? '+' : input[i]);
    if (v === undefined) return { ok: false, reason: 'alphabet', at: i };
    values[i] = v;
  }
  try {
    return decode(values, maxChars);
  } catch (e) {
    if (e instanceof OutOfInput) return { ok: false, reason: 'truncated' };
    throw e;
  }
}

function decode(values: Uint8Array, maxChars: number): LzResult {
  let val = values[0];
  let position = 32;
  let index = 1;
  const read = (numBits: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < numBits; n++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        if (index > values.length) throw new OutOfInput();
        position = 32;
        val = index < values.length ? values[index] : 0;
        index++;
      }
      if (bit) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let total = w.length;

  for (;;) {
    if (index > values.length) return { ok: false, reason: 'truncated' };
    let c = read(numBits);
    if (c === 2) return { ok: true, text: result.join('') };
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry: string;
    if (c < dictSize && dictionary[c] !== undefined) entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'corrupt' };
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    w = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}
