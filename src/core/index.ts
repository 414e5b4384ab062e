// The core layer: units, deterministic math, seeded randomness, the event heap, hashing.
export * from './units.ts';
export * from './rng.ts';
export * from './detmath.ts';
export * from './distributions.ts';
export * from './heap.ts';
export * from './hash.ts';
