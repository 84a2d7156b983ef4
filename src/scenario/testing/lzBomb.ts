/**
 * A crafted lz-string link that unpacks to `'a'.repeat(n)` for a large n, built directly from codes
 * (lz-string's own compressor takes minutes on such input). Each code repeats the previous entry
 * plus one letter, so the output grows quadratically with the link's length.
 */
export function lzBomb(codes: number): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const push = (value: number, n: number) => {
    for (let i = 0; i < n; i++) bits.push((value >> i) & 1);
  };
  push(0, 2);
  push(97, 8);
  let numBits = 3;
  let enlargeIn = 4;
  let dictSize = 4;
  for (let k = 0; k < codes; k++) {
    push(dictSize++, numBits);
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
  push(2, numBits);
  while (bits.length % 6) bits.push(0);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += ALPHABET[bits.slice(i, i + 6).reduce((v, b) => (v << 1) | b, 0)];
  return out;
}

/** How many characters `lzBomb(codes)` unpacks to. */
export const lzBombSize = (codes: number) => 1 + (codes * (codes + 3)) / 2;
