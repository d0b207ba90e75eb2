/**
 * Indonesia's provinces by their Kemendagri code, with the time zone each lies in: the one list a new
 * province is added to. The NIK check (pii.ts) takes its province prefixes from it, the import (via
 * import/time-zones.ts) the time zone a village's dates are read in. Codes and names are those of
 * data/reference/boundaries/indonesia_provinsi.geojson (38 provinces, 2022 onwards); a test checks them.
 */

/** Waktu Indonesia Barat, Tengah, Timur. */
export type TimeZone = 'WIB' | 'WITA' | 'WIT';

/** Hours each time zone is ahead of UTC (Indonesia keeps no daylight saving). */
export const UTC_OFFSET: Readonly<Record<TimeZone, number>> = { WIB: 7, WITA: 8, WIT: 9 };

export interface Province {
	/** two digits, the first part of every kabupaten, kecamatan and desa code in it */
	kode: string;
	nama: string;
	zona: TimeZone;
}

export const PROVINCES: readonly Province[] = [
	{ kode: '11', nama: 'Aceh', zona: 'WIB' },
	{ kode: '12', nama: 'Sumatera Utara', zona: 'WIB' },
	{ kode: '13', nama: 'Sumatera Barat', zona: 'WIB' },
	{ kode: '14', nama: 'Riau', zona: 'WIB' },
	{ kode: '15', nama: 'Jambi', zona: 'WIB' },
	{ kode: '16', nama: 'Sumatera Selatan', zona: 'WIB' },
	{ kode: '17', nama: 'Bengkulu', zona: 'WIB' },
	{ kode: '18', nama: 'Lampung', zona: 'WIB' },
	{ kode: '19', nama: 'Kepulauan Bangka Belitung', zona: 'WIB' },
	{ kode: '21', nama: 'Kepulauan Riau', zona: 'WIB' },
	{ kode: '31', nama: 'Daerah Khusus Ibukota Jakarta', zona: 'WIB' },
	{ kode: '32', nama: 'Jawa Barat', zona: 'WIB' },
	{ kode: '33', nama: 'Jawa Tengah', zona: 'WIB' },
	{ kode: '34', nama: 'Daerah Istimewa Yogyakarta', zona: 'WIB' },
	{ kode: '35', nama: 'Jawa Timur', zona: 'WIB' },
	{ kode: '36', nama: 'Banten', zona: 'WIB' },
	{ kode: '51', nama: 'Bali', zona: 'WITA' },
	{ kode: '52', nama: 'Nusa Tenggara Barat', zona: 'WITA' },
	{ kode: '53', nama: 'Nusa Tenggara Timur', zona: 'WITA' },
	{ kode: '61', nama: 'Kalimantan Barat', zona: 'WIB' },
	{ kode: '62', nama: 'Kalimantan Tengah', zona: 'WIB' },
	{ kode: '63', nama: 'Kalimantan Selatan', zona: 'WITA' },
	{ kode: '64', nama: 'Kalimantan Timur', zona: 'WITA' },
	{ kode: '65', nama: 'Kalimantan Utara', zona: 'WITA' },
	{ kode: '71', nama: 'Sulawesi Utara', zona: 'WITA' },
	{ kode: '72', nama: 'Sulawesi Tengah', zona: 'WITA' },
	{ kode: '73', nama: 'Sulawesi Selatan', zona: 'WITA' },
	{ kode: '74', nama: 'Sulawesi Tenggara', zona: 'WITA' },
	{ kode: '75', nama: 'Gorontalo', zona: 'WITA' },
	{ kode: '76', nama: 'Sulawesi Barat', zona: 'WITA' },
	{ kode: '81', nama: 'Maluku', zona: 'WIT' },
	{ kode: '82', nama: 'Maluku Utara', zona: 'WIT' },
	{ kode: '91', nama: 'Papua', zona: 'WIT' },
	{ kode: '92', nama: 'Papua Barat', zona: 'WIT' },
	{ kode: '93', nama: 'Papua Selatan', zona: 'WIT' },
	{ kode: '94', nama: 'Papua Tengah', zona: 'WIT' },
	{ kode: '95', nama: 'Papua Pegunungan', zona: 'WIT' },
	{ kode: '96', nama: 'Papua Barat Daya', zona: 'WIT' }
];

const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.kode, p]));

/** The province of a two-digit code, or undefined for a code no province has. */
export function province(kode: string): Province | undefined {
	return BY_CODE.get(kode);
}
