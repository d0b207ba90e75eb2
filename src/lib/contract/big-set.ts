/**
 * A set of strings without the 2^24 limit of one JavaScript Set (V8: "Set maximum size exceeded"):
 * QA's 20-million-row household file stopped at 16,777,216 keys, and the rest of the file was lost
 * under a generic read error. Keys go into one Set until it is full, then into the next; `has`
 * looks in each. A file of fewer rows (every demo and district) keeps one Set and its speed.
 */
export class BigSet {
	private readonly parts: Set<string>[] = [new Set()];

	/** @param limit keys per part (a Set holds at most 2^24; tests set it lower) */
	constructor(private readonly limit = 1 << 24) {}

	has(key: string): boolean {
		for (const p of this.parts) if (p.has(key)) return true;
		return false;
	}

	add(key: string): this {
		if (this.has(key)) return this;
		let last = this.parts[this.parts.length - 1];
		if (last.size >= this.limit) this.parts.push((last = new Set()));
		last.add(key);
		return this;
	}

	get size(): number {
		return this.parts.reduce((a, p) => a + p.size, 0);
	}
}
