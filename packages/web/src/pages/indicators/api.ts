import type { CatalogueView, EntryList, EntryView, IndicatorSeries } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The indicators module's reads (the catalogue, an indicator's series, data entry and approval),
 * typed by the core schemas the server answers with. Each is a cached query keyed by its URL;
 * nothing is asked while what it needs is null.
 */

const segment = encodeURIComponent;

/** One data set's entry of one region and period. */
export interface EntryKey {
  dataSet: string;
  region: string;
  period: string;
}

/** The entries of a data set: GET lists them, `/approve` approves many at once. */
export const entriesPath = (dataSetCode: string) => `/api/v1/data-sets/${segment(dataSetCode)}/entries`;

/** One entry: GET reads it, PUT saves it, `/submit`, `/approve`, `/return` move it on. */
export const entryPath = ({ dataSet, region, period }: EntryKey) =>
  `${entriesPath(dataSet)}/${segment(region)}/${segment(period)}`;

/** Data sets with their elements and rules, and the indicators. */
export function useCatalogue(options?: ApiQueryOptions): ApiQuery<CatalogueView> {
  return useApiQuery('/api/v1/indicators/catalogue', options);
}

/** An indicator's series for a region (and its children when `children` is 'true'), with the target lines. */
export function useIndicatorSeries(
  code: string,
  query: { region?: string; children: string },
  options?: ApiQueryOptions,
): ApiQuery<IndicatorSeries> {
  return useApiQuery(withQuery(`/api/v1/indicators/${segment(code)}/series`, query), options);
}

/** The entry status of every reporting region under `region` for one period (nothing while `dataSetCode` or `period` is null). */
export function useEntryList(
  dataSetCode: string | null,
  region: string,
  period: string | null,
  options?: ApiQueryOptions,
): ApiQuery<EntryList> {
  return useApiQuery(dataSetCode && period ? withQuery(entriesPath(dataSetCode), { region, period }) : null, options);
}

/** One entry's form: values, comments, status, history, what the person may do (nothing while `key` is null). */
export function useEntry(key: EntryKey | null, options?: ApiQueryOptions): ApiQuery<EntryView> {
  return useApiQuery(key ? entryPath(key) : null, options);
}
