import { describe, expect, it } from 'vitest';
import { IN_SIGHT, topInView } from './panel-focus';

describe('topInView', () => {
	it('a panel whose top (title, close button) shows is in view; one below the screen or scrolled past is not', () => {
		expect(topInView({ top: 120 }, 844)).toBe(true);
		expect(topInView({ top: 844 - IN_SIGHT }, 844)).toBe(true);
		// QA: a tapped desa's panel opened below the map and legend, ~1400 px down a 844 px screen.
		expect(topInView({ top: 1400 }, 844)).toBe(false);
		// Its top only a few pixels above the screen's bottom edge: its name does not show.
		expect(topInView({ top: 830 }, 844)).toBe(false);
		expect(topInView({ top: -200 }, 844)).toBe(false);
	});
});
