/**
 * A corrupted case-database export for comparing the pipeline's two intake routes: the fixture
 * export of test-export.ts grown to a few hundred rows per table, then seeded damage of every kind
 * an export shows (wrong dates, enums, codes and numbers, tolerated-but-not-canonical spellings,
 * duplicate ids, dangling references, NIK-shaped ids, blank lines, wrong field counts, quoted
 * fields with commas and quotes, a BOM, CRLF line ends, a record spanning lines). Not a test itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type ColumnSpec, type ColumnType, type TableName } from '../../src/lib/contract/schema';
import { fixtureRows } from './test-export';
import { seededDraws } from '../../src/lib/geo/rng';

type Rec = Record<string, string>;
/** Copies of the fixture's households, complaints and referrals (with new ids). */
const COPIES = 80;

/** Seeded draws (geo/rng.ts): the same fixtures on every run. */
export const rng = seededDraws;
type Rng = ReturnType<typeof rng>;

/** Cell values that break a rule, or that the validator tolerates only in a non-canonical form. */
export const JUNK = [
	'', ' ', ' x ', 'abc', '2025-13-01', '2025-02-30', '2024-02-29', '31/12/2025', '5/6/2025', '2025-1-5', '2025-06-01T10:00:00Z',
	'2026-01-01', '1899-12-31', '2025-12-31', '2025-01-01', ' 2025-03-03', 'SELESAI', 'Selesai ', 'selesai', 'ditolak', 'dirujuk',
	'hotline', 'Hotline', 'lainnya', 'kelurahan', 'desa', '3,5', '612.500,00', '1.234.567,89', '+5', '-0', '-0.0', '1e3', '007', '0',
	'1', '10', '11', '30', '31', '-1', '2.5', ' 4', 'ya', 'tidak', 'true', 'TRUE', 'y', '3576010101900099', '35.76.01.9999',
	'35.76.1.1003', '35.76.01.1003', '35.76.02.1010', '35.76.01', '35.76', '35', 'x'.repeat(201), 'é', 'Kota "Baru"', 'a,b', 'RT 1',
	'RT-XXX', 'K-XXX', 'FAS-9', 'PKS-9', '-7.5', '112.4', '200', '\u00a0'
];

/** Damage aimed at one column type: the edges of what the validator accepts, on both sides. */
export const TYPED_JUNK: Partial<Record<ColumnType, readonly string[]>> = {
	date: ['', ' ', '2025-13-01', '2025-02-30', '2024-02-29', '31/12/2025', '5/6/2025', '2025-1-5', '2025-06-01T10:00:00Z', '2026-01-01', '2025-12-31', '1899-12-31', '1900-01-01', '2101-01-01', ' 2025-03-03', '2025-03-03 ', 'abc', '2025-06-15', '2024-12-01'],
	int: ['', '0', '1', '10', '11', '30', '31', '-1', '+3', '007', '3.0', '3,0', ' 4', '1e1', '99999999999', 'x'],
	double: ['', '0', '-0', '-0.0', '+5', '1e3', '612.500,00', '3,5', '1.234.567,89', '-7.5', '-11.6', '6.5', '112.4', '141.6', '94.5', '100000001', ' 2.5', '.5', '5.', 'NaN', 'Infinity'],
	bool: ['', '0', '1', 'ya', 'tidak', 'true', 'FALSE', 'y', ' 1', '2', 'benar'],
	id: ['', ' ', 'RT 1', ' RT-01-1', 'RT-XXX', 'K-XXX', 'FAS-9', 'PKS-9', '3576010101900099', 'x'.repeat(201), 'é', 'a,b', 'say "hi"'],
	text: ['', ' ', ' x', 'x ', 'x'.repeat(201), 'é', 'Kota "Baru"', 'a,b', 'ok'],
	kode_desa: ['', '35.76.01.9999', '35.76.1.1003', '35.76.01.1003', '35.76.02.1010', '35.76.01.1007', '35.76.01.4003', ' 35.76.01.1003', '33.01.01.2001'],
	kode_kec: ['', '35.76.01', '35.76.02', '35.77.01', '35.76.1', ' 35.76.01'],
	kode_kab: ['', '35.76', '35.77', '35.7', '35.76 '],
	kode_prov: ['', '35', '36', '3']
};

function grow(): Record<TableName, Rec[]> {
	const base = fixtureRows();
	const out: Record<TableName, Rec[]> = { ...base, rumah_tangga: [], keluhan: [], rujukan: [] };
	for (let k = 0; k < COPIES; k++) {
		const sfx = (id: string) => (id === '' ? '' : `${id}-${k}`);
		for (const r of base.rumah_tangga) out.rumah_tangga.push({ ...r, id_rt: sfx(r.id_rt) });
		for (const r of base.keluhan) out.keluhan.push({ ...r, id_keluhan: sfx(r.id_keluhan), id_rt: sfx(r.id_rt) });
		for (const r of base.rujukan) out.rujukan.push({ ...r, id_rujukan: sfx(r.id_rujukan), id_keluhan: sfx(r.id_keluhan), id_rt: sfx(r.id_rt) });
	}
	return out;
}

function damageCell(r: Rng, rows: Rec[], cols: readonly ColumnSpec[]): void {
	const row = r.pick(rows);
	const col = r.pick(cols);
	const kind = r.int(6);
	if (kind === 0) row[col.name] = r.pick(rows)[col.name]; // a value from another row: duplicates, other references
	else if (kind === 1) row[col.name] = r.pick(JUNK);
	else if (col.type === 'enum') row[col.name] = r.pick([...col.values!, col.values![0].toUpperCase(), ` ${col.values![1]}`, 'lainnya', '']);
	else row[col.name] = r.pick(TYPED_JUNK[col.type] ?? JUNK);
}

const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface CorruptOptions {
	/** cells damaged per 100 rows; 0: no damage at all */
	rate?: number;
	/** tables written with CRLF line ends */
	crlf?: TableName[];
	/** tables given a record whose quoted field spans two lines */
	multiline?: TableName[];
	/** households whose id becomes NIK-shaped, in their complaints and referrals too */
	nikIds?: number;
}

/** Writes a corrupted export into `dir`; the same seed always gives the same bytes. */
export function writeCorruptExport(dir: string, seed: number, opts: CorruptOptions = {}): void {
	const r = rng(seed);
	mkdirSync(dir, { recursive: true });
	const rows = grow();
	for (let i = 0; i < (opts.nikIds ?? 0); i++) {
		const old = rows.rumah_tangga[r.int(rows.rumah_tangga.length)].id_rt;
		const nik = `357601010190${String(1000 + i)}`;
		for (const t of ['rumah_tangga', 'keluhan', 'rujukan'] as const) for (const rec of rows[t]) if (rec.id_rt === old) rec.id_rt = nik;
	}
	for (const [table, recs] of Object.entries(rows) as [TableName, Rec[]][]) {
		const cols = TABLES[table].columns.map((c) => c.name);
		const rate = opts.rate ?? 12;
		const cells = rate === 0 ? 0 : Math.max(1, Math.round((recs.length * rate) / 100));
		for (let i = 0; i < cells; i++) damageCell(r, recs, TABLES[table].columns);
		if (opts.multiline?.includes(table)) {
			const text = TABLES[table].columns.find((c) => c.type === 'text' || c.type === 'id')!.name;
			recs[r.int(recs.length)][text] += '\nlanjutan';
		}
		const lines = recs.map((rec) => cols.map((c) => field(rec[c] ?? '')).join(','));
		// Damage whole lines: blank, all-empty, a field too many or too few, a line repeated.
		for (let i = 0; rate > 0 && i < Math.max(2, recs.length / 25); i++) {
			const at = r.int(lines.length + 1);
			const kind = r.int(5);
			if (kind === 0) lines.splice(at, 0, '');
			else if (kind === 1) lines.splice(at, 0, ','.repeat(cols.length - 1));
			else if (kind === 2 && lines[at]) lines[at] += ',extra';
			else if (kind === 3 && lines[at]) lines[at] = lines[at].slice(0, lines[at].lastIndexOf(','));
			else if (lines[at]) lines.splice(at, 0, lines[at]);
		}
		const eol = opts.crlf?.includes(table) ? '\r\n' : '\n';
		const bom = r.int(3) === 0 ? '\uFEFF' : '';
		writeFileSync(join(dir, `${table}.csv`), bom + [cols.join(','), ...lines].join(eol) + eol);
	}
}
