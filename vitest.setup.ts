// Property tests explore from a fixed seed, so a run is reproducible and CI never flickers;
// set FC_SEED to explore elsewhere (fast-check prints the seed of any failure).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
