/**
 * Each canvas agent draws from its own PRNG stream, seeded from the scenario's seed and the
 * agent's name: what one consumer draws does not depend on when the others run. The generated
 * client programs seed the same sfc32 stream with this number, so they fail the same messages.
 */
export function agentSeed(seed: number, name: string): number {
  // FNV-1a over the UTF-16 code units of "<seed>/<name>".
  const s = `${seed}/${name}`;
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
