import { describe, expect, it } from 'vitest';
import type { Manifest } from '../contract/manifest';
import { loadStatusLine } from './load-status';

const manifest = {
	areas: [{ kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 287, kecamatan: [] }]
} as unknown as Manifest;
const TEGAL_BYTES = 11_808_768;

describe('loadStatusLine', () => {
	it('names the district and counts its bytes in MB, the Indonesian way, while the file arrives', () => {
		const p = { kodeKab: '33.28', phase: 'download', bytesRead: 4_123_456, bytesTotal: TEGAL_BYTES } as const;
		expect(loadStatusLine(p, manifest, 'id')).toEqual({ label: 'Mengunduh data Kabupaten Tegal', bytes: '4,1 / 11,8 MB' });
		expect(loadStatusLine(p, manifest, 'en')).toEqual({ label: 'Downloading the data of Kabupaten Tegal', bytes: '4.1 / 11.8 MB' });
		expect(loadStatusLine({ ...p, bytesRead: 0 }, manifest, 'id').bytes).toBe('0,0 / 11,8 MB');
	});
	it('says the data is being prepared once it is in, without bytes', () => {
		const p = { kodeKab: '33.28', phase: 'prepare', bytesRead: TEGAL_BYTES, bytesTotal: TEGAL_BYTES } as const;
		expect(loadStatusLine(p, manifest, 'id')).toEqual({ label: 'Menyiapkan data Kabupaten Tegal…', bytes: null });
		expect(loadStatusLine(p, manifest, 'en')).toEqual({ label: 'Preparing the data of Kabupaten Tegal…', bytes: null });
	});
	it('names a district the manifest does not know, or any before the manifest, by its code', () => {
		const p = { kodeKab: '35.76', phase: 'download', bytesRead: 512_000, bytesTotal: 2_895_872 } as const;
		expect(loadStatusLine(p, manifest, 'id')).toEqual({ label: 'Mengunduh data 35.76', bytes: '0,5 / 2,9 MB' });
		expect(loadStatusLine(p, null, 'en').label).toBe('Downloading the data of 35.76');
	});
	it('counts a small file in KB', () => {
		expect(loadStatusLine({ kodeKab: '33.28', phase: 'download', bytesRead: 40_000, bytesTotal: 84_000 }, manifest, 'id').bytes).toBe('40 / 84 KB');
	});
});
