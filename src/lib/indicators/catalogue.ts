/**
 * The SLRT indicator catalogue. No official public SLRT KPI set exists, so these are built from
 * the four SLRT functions of Permensos 15/2018 (service integration, complaints and referrals,
 * programme membership, data updating) plus BPS context; docs/indicators.md explains each one.
 * Targets and RAG bands are not here: they live in static/targets/indikator.json, which a Dinas
 * can edit (targets.ts).
 */
import type { Bilingual, BpsField, IndicatorDef, RowSet } from './types';

/** Days a complaint may take under the service standard (default; docs/indicators.md). */
export const SERVICE_STANDARD_DAYS = 14;
/** Age at which an open complaint counts as backlog. */
export const BACKLOG_DAYS = 30;
/** Distance from a Puskesos within which a desa counts as served. */
export const PUSKESOS_REACH_KM = 5;
/** "Updated in the last 12 months", in days. */
export const UPDATE_WINDOW_DAYS = 365;
/** Deciles whose households qualify for PKH, BPNT/Sembako and PBI-JKN (DTSEN 1–4). */
export const ELIGIBLE_DECILES = [1, 2, 3, 4] as const;
/** Deciles whose households should not receive them (DTSEN 7–10). */
export const INELIGIBLE_DECILES = [7, 8, 9, 10] as const;

const CASE_DATA: Bilingual = { id: 'Basis data kasus SLRT (ekstrak Dinas Sosial)', en: 'SLRT case database (Dinas Sosial extract)' };
const BPS: Bilingual = { id: 'Badan Pusat Statistik (BPS), Susenas Maret', en: 'Statistics Indonesia (BPS), March Susenas' };
/** Said by the figures built on a household's current status, which the case database keeps with no history. */
const CURRENT_STATUS: Bilingual = {
	id: 'Status rumah tangga tercatat per tanggal ekstrak saja, jadi periode lampau memakai status sekarang: angka ini tidak dibandingkan antarperiode.',
	en: "A household's status is recorded as of the extract date only, so a past period uses today's status: this figure is not compared between periods."
};
const DUKCAPIL: Bilingual = { id: 'Dukcapil, lampiran Kepmendagri 300.2.2-2138/2025', en: 'Dukcapil, annex to Kepmendagri 300.2.2-2138/2025' };

const registered: RowSet = { table: 'rumah_tangga', where: [{ col: 'tgl_registrasi', op: 'by_end' }] };
const poorRegistered: RowSet = { table: 'rumah_tangga', where: [{ col: 'tgl_registrasi', op: 'by_end' }, { col: 'desil', op: 'in', values: ELIGIBLE_DECILES }] };
const richRegistered: RowSet = { table: 'rumah_tangga', where: [{ col: 'tgl_registrasi', op: 'by_end' }, { col: 'desil', op: 'in', values: INELIGIBLE_DECILES }] };
const complaintsInPeriod: RowSet = { table: 'keluhan', where: [{ col: 'tgl_keluhan', op: 'in_period' }] };

type Programme = { col: 'terima_pkh' | 'terima_bpnt' | 'terima_pbi_jkn'; key: string; name: string };
const PROGRAMMES: readonly Programme[] = [
	{ col: 'terima_pkh', key: 'pkh', name: 'PKH' },
	{ col: 'terima_bpnt', key: 'bpnt', name: 'BPNT/Sembako' },
	{ col: 'terima_pbi_jkn', key: 'pbi_jkn', name: 'PBI-JKN' }
];

function exclusion(p: Programme): IndicatorDef {
	return {
		id: `eksklusi_${p.key}`,
		fungsi: 'kepesertaan',
		label: { id: `Galat eksklusi ${p.name}`, en: `${p.name} exclusion error` },
		definition: {
			id: `Rumah tangga desil 1–4 yang tidak menerima ${p.name}, dari seluruh rumah tangga desil 1–4 terdaftar per akhir periode. ${CURRENT_STATUS.id}`,
			en: `Households in deciles 1–4 not receiving ${p.name}, of all registered decile 1–4 households at the end of the period. ${CURRENT_STATUS.en}`
		},
		unit: 'persen',
		direction: 'lower',
		weight: 0.5,
		source: CASE_DATA,
		comparable: false,
		kind: 'ratio',
		numerator: { table: 'rumah_tangga', where: [...poorRegistered.where, { col: p.col, op: 'eq', value: false }] },
		denominator: poorRegistered,
		scale: 1
	};
}

function inclusion(p: Programme): IndicatorDef {
	return {
		id: `inklusi_${p.key}`,
		fungsi: 'kepesertaan',
		label: { id: `Galat inklusi ${p.name}`, en: `${p.name} inclusion error` },
		definition: {
			id: `Rumah tangga desil 7–10 yang menerima ${p.name}, dari seluruh rumah tangga desil 7–10 terdaftar per akhir periode. ${CURRENT_STATUS.id}`,
			en: `Households in deciles 7–10 receiving ${p.name}, of all registered decile 7–10 households at the end of the period. ${CURRENT_STATUS.en}`
		},
		unit: 'persen',
		direction: 'lower',
		weight: 0.5,
		source: CASE_DATA,
		comparable: false,
		kind: 'ratio',
		numerator: { table: 'rumah_tangga', where: [...richRegistered.where, { col: p.col, op: 'eq', value: true }] },
		denominator: richRegistered,
		scale: 1
	};
}

/** Who publishes a context figure: BPS, or Dukcapil for the population (labelled so, not "(BPS)"). */
export function contextPublisher(def: IndicatorDef): 'BPS' | 'Dukcapil' {
	return def.source.id === DUKCAPIL.id ? 'Dukcapil' : 'BPS';
}

function bps(id: string, field: BpsField, label: Bilingual, definition: Bilingual, unit: IndicatorDef['unit'], direction: IndicatorDef['direction'], source = BPS): IndicatorDef {
	return { id, fungsi: 'konteks', label, definition, unit, direction, weight: 0, source, kind: 'bps', field };
}

export const CATALOGUE: readonly IndicatorDef[] = [
	// Integrasi layanan
	{
		id: 'desa_puskesos',
		fungsi: 'integrasi',
		label: { id: 'Desa dengan Puskesos', en: 'Villages with a Puskesos' },
		definition: { id: 'Desa/kelurahan yang memiliki Puskesos yang sudah buka per akhir periode, dari seluruh desa/kelurahan.', en: 'Villages with a Puskesos open by the end of the period, of all villages.' },
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		kind: 'ratio',
		numerator: { table: 'puskesos', where: [{ col: 'tgl_buka', op: 'by_end' }], distinct: 'kode_desa' },
		denominator: { table: 'wilayah', where: [] },
		scale: 1
	},
	{
		id: 'desa_dekat_puskesos',
		fungsi: 'integrasi',
		label: { id: `Desa dalam ${PUSKESOS_REACH_KM} km dari Puskesos`, en: `Villages within ${PUSKESOS_REACH_KM} km of a Puskesos` },
		definition: {
			id: `Desa/kelurahan yang titik tengahnya berjarak paling jauh ${PUSKESOS_REACH_KM} km (garis lurus) dari Puskesos yang buka per akhir periode.`,
			en: `Villages whose centroid is at most ${PUSKESOS_REACH_KM} km (straight line) from a Puskesos open by the end of the period.`
		},
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		kind: 'coverage_km',
		km: PUSKESOS_REACH_KM
	},
	{
		id: 'fasilitator_per_1000',
		fungsi: 'integrasi',
		label: { id: 'Fasilitator per 1.000 RT miskin', en: 'Facilitators per 1,000 poor households' },
		definition: {
			id: 'Fasilitator SLRT yang bertugas (data terkini) per 1.000 rumah tangga desil 1–4 terdaftar per akhir periode. Fasilitator tercatat per kecamatan, jadi tidak ada angka per desa.',
			en: 'SLRT facilitators on duty (current roster) per 1,000 registered decile 1–4 households at the end of the period. Facilitators are recorded per sub-district, so there is no village figure.'
		},
		unit: 'per_1000',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		// The roster has no dates: a past period would divide today's facilitators by that period's households.
		comparable: false,
		kind: 'ratio',
		numerator: { table: 'fasilitator', where: [] },
		denominator: poorRegistered,
		scale: 1000
	},
	{
		id: 'puskesos_baru',
		fungsi: 'integrasi',
		label: { id: 'Puskesos dibuka dalam periode', en: 'Puskesos opened in the period' },
		definition: { id: 'Jumlah Puskesos yang mulai beroperasi dalam periode.', en: 'Number of Puskesos that opened in the period.' },
		unit: 'jumlah',
		direction: 'higher',
		weight: 0,
		source: CASE_DATA,
		kind: 'count',
		rows: { table: 'puskesos', where: [{ col: 'tgl_buka', op: 'in_period' }] }
	},
	// Keluhan dan rujukan
	{
		id: 'keluhan_selesai',
		fungsi: 'keluhan',
		label: { id: 'Tingkat penyelesaian keluhan', en: 'Complaint resolution rate' },
		definition: { id: 'Keluhan yang diterima dalam periode dan berstatus selesai per akhir periode, dari seluruh keluhan yang diterima dalam periode.', en: 'Complaints received in the period and resolved by its end, of all complaints received in the period.' },
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		kind: 'ratio',
		numerator: { table: 'keluhan', where: [...complaintsInPeriod.where, { col: 'status', op: 'eq', value: 'selesai' }, { col: 'tgl_selesai', op: 'by_end' }] },
		denominator: complaintsInPeriod,
		scale: 1
	},
	{
		id: 'rujukan_selesai',
		fungsi: 'keluhan',
		label: { id: 'Rujukan selesai', en: 'Referrals completed' },
		definition: { id: 'Rujukan yang terdaftar dalam periode dan mencapai tahap selesai per akhir periode, dari seluruh rujukan yang terdaftar dalam periode.', en: 'Referrals registered in the period and completed by its end, of all referrals registered in the period.' },
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		kind: 'ratio',
		numerator: { table: 'rujukan', where: [{ col: 'tgl_terdaftar', op: 'in_period' }, { col: 'status', op: 'eq', value: 'selesai' }, { col: 'tgl_selesai', op: 'by_end' }] },
		denominator: { table: 'rujukan', where: [{ col: 'tgl_terdaftar', op: 'in_period' }] },
		scale: 1
	},
	{
		id: 'median_hari_keluhan',
		fungsi: 'keluhan',
		label: { id: 'Median hari keluhan sampai selesai', en: 'Median days from complaint to resolution' },
		definition: { id: 'Median jumlah hari dari keluhan diterima sampai selesai, untuk keluhan yang diterima dalam periode dan selesai per akhir periode.', en: 'Median days from receipt to resolution of the complaints received in the period and resolved by its end.' },
		unit: 'hari',
		direction: 'lower',
		weight: 1,
		source: CASE_DATA,
		kind: 'median_days',
		rows: { table: 'keluhan', where: [...complaintsInPeriod.where, { col: 'status', op: 'eq', value: 'selesai' }, { col: 'tgl_selesai', op: 'by_end' }] },
		from: 'tgl_keluhan',
		to: 'tgl_selesai'
	},
	{
		id: 'keluhan_lewat_standar',
		fungsi: 'keluhan',
		label: { id: `Keluhan melewati standar ${SERVICE_STANDARD_DAYS} hari`, en: `Complaints past the ${SERVICE_STANDARD_DAYS}-day standard` },
		definition: {
			id: `Keluhan yang diterima dalam periode dan ditutup (selesai/ditolak) lebih dari ${SERVICE_STANDARD_DAYS} hari setelah diterima, atau masih terbuka lebih dari ${SERVICE_STANDARD_DAYS} hari pada akhir periode, dari seluruh keluhan yang diterima dalam periode.`,
			en: `Complaints received in the period and closed (resolved or rejected) more than ${SERVICE_STANDARD_DAYS} days after receipt, or still open more than ${SERVICE_STANDARD_DAYS} days at the end of the period, of all complaints received in the period.`
		},
		unit: 'persen',
		direction: 'lower',
		weight: 1,
		source: CASE_DATA,
		kind: 'ratio',
		numerator: { table: 'keluhan', where: [...complaintsInPeriod.where, { col: 'tgl_keluhan', op: 'elapsed_gt_days', to: 'tgl_selesai', days: SERVICE_STANDARD_DAYS }] },
		denominator: complaintsInPeriod,
		scale: 1
	},
	{
		id: 'tunggakan_30',
		fungsi: 'keluhan',
		label: { id: `Tunggakan keluhan > ${BACKLOG_DAYS} hari per 1.000 RT`, en: `Complaint backlog > ${BACKLOG_DAYS} days per 1,000 households` },
		definition: {
			id: `Keluhan yang masih terbuka pada akhir periode dan diterima lebih dari ${BACKLOG_DAYS} hari sebelumnya, per 1.000 rumah tangga terdaftar (agar wilayah besar dan kecil sebanding).`,
			en: `Complaints still open at the end of the period and received more than ${BACKLOG_DAYS} days before it, per 1,000 registered households (so large and small areas compare).`
		},
		unit: 'per_1000',
		direction: 'lower',
		weight: 1,
		source: CASE_DATA,
		kind: 'ratio',
		numerator: { table: 'keluhan', where: [{ col: 'tgl_keluhan', op: 'older_than_days', days: BACKLOG_DAYS }, { col: 'tgl_selesai', op: 'open_at_end' }] },
		denominator: registered,
		scale: 1000
	},
	// Kepesertaan program
	...PROGRAMMES.map(exclusion),
	...PROGRAMMES.map(inclusion),
	// Pemutakhiran data
	{
		id: 'rt_mutakhir',
		fungsi: 'pemutakhiran',
		label: { id: 'RT dimutakhirkan 12 bulan terakhir', en: 'Households updated in the last 12 months' },
		definition: {
			id: 'Rumah tangga terdaftar per akhir periode yang pemutakhiran terakhirnya jatuh dalam 365 hari sampai akhir periode. Hanya tanggal pemutakhiran terakhir yang tercatat, jadi untuk periode lampau angka ini batas bawah.',
			en: 'Households registered by the end of the period whose last update falls in the 365 days up to it. Only the latest update date is recorded, so for past periods this is a lower bound.'
		},
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		// A past period's figure is a lower bound: its change would always look like a gain.
		comparable: false,
		kind: 'ratio',
		numerator: { table: 'rumah_tangga', where: [...registered.where, { col: 'tgl_pemutakhiran', op: 'within_days', days: UPDATE_WINDOW_DAYS }] },
		denominator: registered,
		scale: 1
	},
	{
		id: 'padan_dtsen',
		fungsi: 'pemutakhiran',
		label: { id: 'RT padan dengan DTSEN', en: 'Households matched to DTSEN' },
		definition: { id: `Rumah tangga terdaftar per akhir periode yang padan dengan DTSEN. ${CURRENT_STATUS.id}`, en: `Households registered by the end of the period that are matched to DTSEN. ${CURRENT_STATUS.en}` },
		unit: 'persen',
		direction: 'higher',
		weight: 1,
		source: CASE_DATA,
		comparable: false,
		kind: 'ratio',
		numerator: { table: 'rumah_tangga', where: [...registered.where, { col: 'padan_dtsen', op: 'eq', value: true }] },
		denominator: registered,
		scale: 1
	},
	// Konteks BPS
	bps('bps_p0', 'p0', { id: 'Persentase penduduk miskin (P0)', en: 'Poverty headcount (P0)' }, { id: 'Persentase penduduk di bawah garis kemiskinan, BPS (Susenas Maret) tahun terakhir.', en: 'Share of people below the poverty line, BPS (March Susenas), latest year.' }, 'persen_bps', 'lower'),
	bps('bps_p1', 'p1', { id: 'Indeks kedalaman kemiskinan (P1)', en: 'Poverty gap index (P1)' }, { id: 'Rata-rata jarak pengeluaran penduduk miskin ke garis kemiskinan, BPS.', en: 'Average shortfall of the poor below the poverty line, BPS.' }, 'indeks', 'lower'),
	bps('bps_p2', 'p2', { id: 'Indeks keparahan kemiskinan (P2)', en: 'Poverty severity index (P2)' }, { id: 'Ketimpangan pengeluaran di antara penduduk miskin, BPS.', en: 'Inequality of expenditure among the poor, BPS.' }, 'indeks', 'lower'),
	bps('bps_garis_kemiskinan', 'garis_kemiskinan', { id: 'Garis kemiskinan', en: 'Poverty line' }, { id: 'Garis kemiskinan, rupiah per kapita per bulan, BPS.', en: 'Poverty line, rupiah per capita per month, BPS.' }, 'rupiah', 'higher'),
	bps('bps_penduduk', 'penduduk', { id: 'Jumlah penduduk', en: 'Population' }, { id: 'Jumlah penduduk menurut Dukcapil, 2025.', en: 'Population according to Dukcapil, 2025.' }, 'jiwa', 'higher', DUKCAPIL)
];
