import { describe, expect, it } from 'vitest';
import { rankWithin } from './ranking';

describe('rankWithin', () => {
	it('ranks the highest value first, within each group separately', () => {
		const r = rankWithin([
			{ kode: 'a', group: 'k1', value: 0.2 },
			{ kode: 'b', group: 'k1', value: 0.5 },
			{ kode: 'c', group: 'k2', value: 0.1 },
			{ kode: 'd', group: 'k1', value: 0.3 }
		]);
		expect(r.get('b')).toEqual({ rank: 1, of: 3 });
		expect(r.get('d')).toEqual({ rank: 2, of: 3 });
		expect(r.get('a')).toEqual({ rank: 3, of: 3 });
		expect(r.get('c')).toEqual({ rank: 1, of: 1 });
	});

	it('gives ties the same, better rank and skips the next', () => {
		const r = rankWithin(['a', 'b', 'c', 'd'].map((kode, i) => ({ kode, group: 'x', value: [9, 5, 5, 1][i] })));
		expect([...'abcd'].map((k) => r.get(k)!.rank)).toEqual([1, 2, 2, 4]);
	});

	it('leaves desa without a value unranked and out of the count', () => {
		const r = rankWithin([
			{ kode: 'a', group: 'x', value: null },
			{ kode: 'b', group: 'x', value: Number.NaN },
			{ kode: 'c', group: 'x', value: 0 }
		]);
		expect(r.has('a')).toBe(false);
		expect(r.has('b')).toBe(false);
		expect(r.get('c')).toEqual({ rank: 1, of: 1 });
	});
});
