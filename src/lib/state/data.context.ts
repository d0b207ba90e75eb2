import { getContext, setContext } from 'svelte';
import type { DataStore } from './data.svelte';

const KEY = Symbol('data-store');

export function setDataStore(store: DataStore): DataStore {
	return setContext(KEY, store);
}

export function getDataStore(): DataStore {
	const s = getContext<DataStore | undefined>(KEY);
	if (!s) throw new Error('DataStore context is missing: it is set in src/routes/+layout.svelte');
	return s;
}
