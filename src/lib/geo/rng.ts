/**
 * A small seeded pseudo-random generator, so permutation tests and test fixtures give the same
 * answer on every run and machine (Math.random cannot be seeded).
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, passes the usual smoke tests and is
 * plenty for conditional permutation inference, where we need thousands of shuffles, not crypto.
 */

/** Multiplier of the Weyl sequence that advances mulberry32's state. */
const MULBERRY_INCREMENT = 0x6d2b79f5;

/** 2^32: maps an unsigned 32-bit integer onto [0, 1). */
const UINT32_RANGE = 4294967296;

export type Rng = () => number;

/** Returns a generator of uniform numbers in [0, 1), fully determined by `seed`. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + MULBERRY_INCREMENT) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / UINT32_RANGE;
	};
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
	return Math.floor(rng() * n);
}

/** The generator with the draws test fixtures need: uniform, integer in [0, n), an element of a list. */
export function seededDraws(seed: number) {
	const next = createRng(seed);
	return { next, int: (n: number) => randomInt(next, n), pick: <T>(xs: readonly T[]) => xs[randomInt(next, xs.length)] };
}
