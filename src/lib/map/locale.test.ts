import { describe, expect, it } from 'vitest';
import { mapLocale } from './locale';

describe('mapLocale', () => {
	it('names the map and its zoom buttons in Indonesian, or in English', () => {
		expect(mapLocale('id')).toEqual({ 'Map.Title': 'Peta', 'NavigationControl.ZoomIn': 'Perbesar', 'NavigationControl.ZoomOut': 'Perkecil', 'NavigationControl.ResetBearing': 'Kembalikan arah ke utara' });
		expect(mapLocale('en')).toEqual({ 'Map.Title': 'Map', 'NavigationControl.ZoomIn': 'Zoom in', 'NavigationControl.ZoomOut': 'Zoom out', 'NavigationControl.ResetBearing': 'Reset bearing to north' });
	});
});
