/** The manifest the pipeline writes beside the extracts and the browser reads first. */
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from './schema';
import type { Period } from '../overview/period';

export interface ManifestFile {
	/** path relative to the manifest, Hive layout: `rumah_tangga/kode_kab=33.28/data_0.parquet` */
	path: string;
	table: TableName | 'ringkasan' | 'database';
	kode_kab: string;
	/** a province's summary names its province here (and kode_kab is '') */
	kode_prov?: string;
	rows: number;
	bytes: number;
	sha256: string;
}

export interface ManifestArea {
	kode_kab: string;
	nama_kab: string;
	kode_prov: string;
	nama_prov: string;
	desa: number;
	kecamatan: { kode: string; nama: string }[];
}

export interface Manifest {
	schema_version: string;
	source: 'demo' | 'extract';
	extract_date: string;
	window: Period;
	areas: ManifestArea[];
	tables: Record<TableName, { rows: number }>;
	/** the canonical extract: Parquet per table and district */
	files: ManifestFile[];
	/** per-district pre-aggregates for the first figures */
	summaries: ManifestFile[];
	/** per-province roll-ups of those (overview/rollup.ts): a province's first figures in one file; absent in older extracts */
	province_summaries?: ManifestFile[];
	/** per-district figures per desa for the view Peta opens on (peta/summary.ts): its map before DuckDB-WASM is up; absent in older extracts */
	peta_summaries?: ManifestFile[];
	/**
	 * per-district DuckDB database files (all tables of the district, built from the Parquet
	 * above) that the browser attaches: measured the fastest way into DuckDB-WASM (docs/data-loading.md)
	 */
	databases: ManifestFile[];
	/**
	 * How many kabupaten/kota there are (Kemendagri), in the country and in each province the extract
	 * touches: what a province's or the whole extract's figures cover, against all there are
	 * (state/coverage.ts). Absent in older extracts.
	 */
	kabkota_total?: { nasional: number; provinsi: Record<string, number> };
	/**
	 * The deployment's key for rounding the counts of public exports (export/rounding.ts), 64 hex
	 * digits, the same from one extract to the next. Absent in older extracts: the browser then uses
	 * one of its own (state/rounding-key.ts).
	 */
	kunci_pembulatan?: string;
}

/** Every file a manifest names: the canonical Parquet, the pre-aggregates and the district databases. */
export function manifestFiles(m: Manifest): ManifestFile[] {
	return [...m.files, ...m.summaries, ...(m.province_summaries ?? []), ...(m.peta_summaries ?? []), ...m.databases];
}

/** Checks a fetched manifest's shape; returns readable problems instead of failing later. */
export function checkManifest(m: unknown): { value?: Manifest; errors: string[] } {
	const errors: string[] = [];
	if (typeof m !== 'object' || m === null) return { errors: ['manifest.json bukan objek JSON / is not a JSON object'] };
	const x = m as Partial<Manifest>;
	if (typeof x.schema_version !== 'string' || x.schema_version.split('.')[0] !== SCHEMA_VERSION.split('.')[0])
		errors.push(`versi skema ${String(x.schema_version)} tidak didukung (perlu ${SCHEMA_VERSION}) / unsupported schema version`);
	if (!x.window || typeof x.window.start !== 'string' || typeof x.window.end !== 'string') errors.push('window (periode) tidak ada / missing window');
	if (!Array.isArray(x.areas) || x.areas.length === 0) errors.push('areas kosong / no areas');
	if (!Array.isArray(x.files)) errors.push('files tidak ada / missing files');
	else {
		for (const f of x.files) {
			if (!TABLE_NAMES.includes(f.table as TableName) || !/^[0-9a-f]{64}$/.test(f.sha256) || typeof f.path !== 'string' || f.path.includes('..'))
				errors.push(`entri berkas tidak sah / invalid file entry: ${JSON.stringify(f).slice(0, 120)}`);
		}
	}
	if (!Array.isArray(x.summaries)) errors.push('summaries tidak ada / missing summaries');
	if (x.province_summaries !== undefined && (!Array.isArray(x.province_summaries) || x.province_summaries.some((s) => typeof s.kode_prov !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256) || typeof s.path !== 'string' || s.path.includes('..'))))
		errors.push('entri ringkasan provinsi tidak sah / invalid province summary entry');
	if (x.peta_summaries !== undefined && (!Array.isArray(x.peta_summaries) || x.peta_summaries.some((s) => typeof s.kode_kab !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256) || typeof s.path !== 'string' || s.path.includes('..'))))
		errors.push('entri ringkasan peta tidak sah / invalid map summary entry');
	const total = x.kabkota_total;
	const count = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
	if (total !== undefined && (typeof total !== 'object' || total === null || !count(total.nasional) || typeof total.provinsi !== 'object' || total.provinsi === null || !Object.values(total.provinsi).every(count)))
		errors.push('kabkota_total tidak sah / invalid kabkota_total');
	if (x.kunci_pembulatan !== undefined && (typeof x.kunci_pembulatan !== 'string' || !/^[0-9a-f]{64}$/.test(x.kunci_pembulatan)))
		errors.push('kunci_pembulatan bukan 64 digit heksadesimal / kunci_pembulatan is not 64 hex digits');
	if (!Array.isArray(x.databases)) errors.push('databases tidak ada / missing databases');
	else if (x.databases.some((d) => !/^[0-9a-f]{64}$/.test(d.sha256) || d.path.includes('..')))
		errors.push('entri database tidak sah / invalid database entry');
	return errors.length ? { errors } : { value: x as Manifest, errors };
}
