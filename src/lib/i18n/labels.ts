/** Display names of the contract's coded values (complaint categories, programmes), id and en. */
import type { Lang } from './format';

export const KATEGORI_LABEL: Record<string, Record<Lang, string>> = {
	eksklusi: { id: 'Eksklusi (layak, tidak menerima)', en: 'Exclusion (eligible, not receiving)' },
	inklusi: { id: 'Inklusi (tidak layak, menerima)', en: 'Inclusion (not eligible, receiving)' },
	kesalahan_data: { id: 'Kesalahan data', en: 'Data error' },
	pembayaran: { id: 'Pembayaran/penyaluran', en: 'Payment/delivery' },
	layanan: { id: 'Layanan', en: 'Service' },
	lainnya: { id: 'Lainnya', en: 'Other' }
};

export const PROGRAM_LABEL: Record<string, Record<Lang, string>> = {
	pkh: { id: 'PKH', en: 'PKH' },
	bpnt: { id: 'BPNT/Sembako', en: 'BPNT/Sembako' },
	pbi_jkn: { id: 'PBI-JKN', en: 'PBI-JKN' },
	kip: { id: 'KIP', en: 'KIP' },
	rtlh: { id: 'RTLH', en: 'RTLH' },
	lainnya: { id: 'Lainnya', en: 'Other' }
};
