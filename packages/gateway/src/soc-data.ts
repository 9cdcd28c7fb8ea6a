/** Loads the packaged SOC 2020 table (Node). Edge deployments import data/soc2020.json through their bundler instead. */
import { readFile } from 'node:fs/promises';
import { socTableFrom, type SocTable } from './normalize/soc.js';

/** data/ sits beside src/ and dist/, so the same relative URL works from both. */
export const SOC_DATA_URL = new URL('../data/soc2020.json', import.meta.url);

export async function loadSocTable(): Promise<SocTable> {
  return socTableFrom(JSON.parse(await readFile(SOC_DATA_URL, 'utf8')));
}
