/**
 * A small valid extract of Kota Mojokerto (real Kemendagri codes) for import tests: every table,
 * consistent keys and dates, as CSV text in export style. Tests mutate it to make bad input.
 */
export const FIXTURE_MAX_DATE = '2026-10-31';

const DESA = [
	['35.76.01.1007', 'Surodinawan', '35.76.01', 'Prajuritkulon'],
	['35.76.02.1010', 'Wates', '35.76.02', 'Magersari']
] as const;

export function fixtureCsv(households = 12): Record<string, string> {
	const wilayah = [
		'kode_desa,nama_desa,jenis,kode_kec,nama_kec,kode_kab,nama_kab,kode_prov,nama_prov,lat,lng,penduduk',
		...DESA.map(([kode, nama, kec, namaKec], i) => `${kode},${nama},kelurahan,${kec},${namaKec},35.76,Kota Mojokerto,35,Jawa Timur,-7.4${8 - i},112.4${2 + i},${9000 + i * 8000}`)
	].join('\n');
	const puskesos = ['id_puskesos,nama_puskesos,kode_desa,lat,lng,tgl_buka', 'PKS-1,Puskesos Surodinawan,35.76.01.1007,-7.48,112.42,2020-07-16', 'PKS-2,Puskesos Wates,35.76.02.1010,-7.46,112.45,17/08/2021'].join('\n');
	const fasilitator = ['id_fasilitator,id_puskesos,kode_kec', 'FAS-1,PKS-1,35.76.01', 'FAS-2,PKS-2,35.76.02'].join('\n');
	const rt = ['id_rt,kode_desa,desil,jumlah_art,pengeluaran_kapita,ada_lansia,ada_disabilitas,ada_balita,kepala_perempuan,terima_pkh,terima_bpnt,terima_pbi_jkn,terima_kip,terima_rtlh,padan_dtsen,tgl_registrasi,tgl_pemutakhiran,kontak_slrt,tgl_kontak_slrt,id_fasilitator,id_puskesos'];
	const kel = ['id_keluhan,id_rt,kode_desa,tgl_keluhan,tgl_input,kanal,kategori,program,status,tgl_selesai,id_fasilitator'];
	const ruj = ['id_rujukan,id_keluhan,id_rt,kode_desa,tujuan,status,tgl_terdaftar,tgl_diverifikasi,tgl_kunjungan_rumah,tgl_direkomendasikan,tgl_dirujuk,tgl_selesai,tgl_ditolak'];
	for (let i = 1; i <= households; i++) {
		const d = DESA[i % 2];
		const n = i % 2 + 1;
		const desil = (i % 10) + 1;
		const spend = i % 3 === 0 && i % 2 ? `"${500 + i},5"` : `${600000 + i * 1000}`;
		rt.push(`RT-${i},${d[0]},${desil},${(i % 6) + 1},${spend},${i % 2},0,${i % 3 === 0 ? 1 : 0},0,1,0,1,0,0,${i % 4 === 0 ? 0 : 1},2019-02-${String((i % 27) + 1).padStart(2, '0')},2026-08-03,1,2025-01-15,FAS-${n},PKS-${n}`);
		if (i % 2 === 0) {
			kel.push(`K-${i},RT-${i},${d[0]},2025-03-${String((i % 27) + 1).padStart(2, '0')},2025-03-28,puskesos,eksklusi,pkh,selesai,2025-04-10,FAS-${n}`);
			ruj.push(`R-${i},K-${i},RT-${i},${d[0]},pkh,selesai,2025-03-28,2025-03-29,2025-04-01,2025-04-02,2025-04-05,2025-04-10,`);
		}
	}
	return { wilayah, puskesos, fasilitator, rumah_tangga: rt.join('\n'), keluhan: kel.join('\n'), rujukan: ruj.join('\n') };
}

export function fileOf(name: string, content: string | Uint8Array): { name: string; blob: Blob } {
	return { name, blob: new Blob([content as BlobPart]) };
}
