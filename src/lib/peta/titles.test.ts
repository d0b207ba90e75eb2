import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { DEFAULT_PETA } from './params';
import { layerButton, layerNote, layerTitle } from './titles';

describe('layer titles and notes', () => {
	it('name the statistic and measure chosen, with the standard in days', () => {
		expect(layerTitle({ ...DEFAULT_PETA, lapisan: 'hotspot' }, 'id')).toBe('Hotspot keluhan (Gi*)');
		expect(layerTitle({ ...DEFAULT_PETA, lapisan: 'hotspot', hotspot: 'moran' }, 'id')).toBe('Klaster keluhan (Moran lokal)');
		expect(layerTitle({ ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'lewat', standar: 30 }, 'en')).toBe('Past the service standard (30 days)');
		expect(layerNote({ ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'lewat', standar: 30 }, 'id')).toContain('lebih dari 30 hari');
		expect(layerNote({ ...DEFAULT_PETA, lapisan: 'hotspot', hotspot: 'moran' }, 'en')).toContain('Benjamini-Hochberg');
		expect(layerNote({ ...DEFAULT_PETA, lapisan: 'keluhan', eb: false }, 'id')).toBe(translate('peta_note_keluhan_raw', 'id'));
		expect(layerNote({ ...DEFAULT_PETA, lapisan: 'puskesos', radius: 7.5 }, 'id')).toContain('radius layanan 7,5 km');
	});

	it('label the hotspot button by the statistic shown', () => {
		expect(layerButton('hotspot', 'id')).toBe('Hotspot keluhan (Gi*)');
		expect(layerButton('hotspot', 'id', 'moran')).toBe('Klaster keluhan (Moran lokal)');
		expect(layerButton('puskesos', 'en')).toBe('Distance to a Puskesos');
	});
});
