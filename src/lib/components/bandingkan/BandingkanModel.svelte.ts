/** The Bandingkan view's state: the national extract banded and ranked with the catalogue and targets. */
import { CATALOGUE_LOAD } from '../indikator/IndikatorModel.svelte';
import { fetchNational, fetchTargets, KABKOTA_GEOJSON_URL } from '../../indicators/fetch';
import { rememberUrls } from '../../offline/remember';
import { nationalComposites, type LeagueRow } from '../../indicators/league';
import type { NationalFile } from '../../indicators/national';
import type { IndicatorDef } from '../../indicators/types';

export type BandingkanStatus = 'loading' | 'ready' | 'error';

export class BandingkanModel {
	status = $state<BandingkanStatus>('loading');
	errors = $state<string[]>([]);
	file = $state.raw<NationalFile | null>(null);
	rows = $state.raw<LeagueRow[]>([]);

	get defs(): readonly IndicatorDef[] {
		return CATALOGUE_LOAD.value ?? [];
	}

	async load(): Promise<void> {
		if (CATALOGUE_LOAD.errors.length) return this.fail(CATALOGUE_LOAD.errors);
		const [targets, national] = await Promise.all([fetchTargets(this.defs), fetchNational()]);
		const errors = [...targets.errors, ...national.errors];
		if (errors.length) return this.fail(errors);
		this.file = national.value!;
		this.rows = nationalComposites(national.value!, this.defs, targets.value!);
		this.status = 'ready';
		// The map's boundaries are loaded by MapLibre from their URL: kept too, so the map opens offline.
		void rememberUrls([KABKOTA_GEOJSON_URL]);
	}

	private fail(errors: string[]): void {
		this.errors = errors;
		this.status = 'error';
	}
}
