import { Select, Typography } from 'antd';
import type { DataSetView } from '@chuangcheng/core';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatPeriod } from '../cockpit/format.ts';
import { today } from '../supervision/StatusTag.tsx';
import { recentPeriods } from './entry-helpers.ts';
import { useCatalogue, useEntryList } from '../indicators/api.ts';

/** How many years back the period picker reaches. */
const YEARS_BACK = 10;

/**
 * The data set and period a data entry page shows (`?set=`, `?period=`; by default the first data
 * set filled by entry and the period just ended), the periods offered, and the entries of the
 * regions in the account's scope for them.
 */
export function useEntrySelection(params: URLSearchParams) {
  const me = useMe();
  const { data: catalogue } = useCatalogue({ keepPrevious: true });
  const dataSets = (catalogue?.dataSets ?? []).filter((set) => set.source === 'entry');
  const dataSet = dataSets.find((set) => set.code === params.get('set')) ?? dataSets[0] ?? null;
  const periods = dataSet ? recentPeriods(dataSet.periodType, today(), YEARS_BACK) : [];
  // The period just ended is the one usually reported.
  const period = periods.find((p) => p === params.get('period')) ?? periods[1] ?? periods[0] ?? null;
  const list = useEntryList(dataSet?.code ?? null, me.regionCode, period, { loadingWithoutUrl: true });
  return { dataSets, dataSet, periods, period, list, items: list.data?.items ?? [] };
}

/** The labelled data set and period selects at the head of a data entry page. */
export function DataSetPeriodPicker({
  selection: { dataSets, dataSet, periods, period },
  onDataSet,
  onPeriod,
  testId,
}: {
  selection: { dataSets: DataSetView[]; dataSet: DataSetView | null; periods: string[]; period: string | null };
  onDataSet: (code: string) => void;
  onPeriod: (period: string) => void;
  /** Prefix of the two selects' test ids (`-data-set`, `-period`). */
  testId: string;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <Typography.Text type="secondary">{t('indicator.dataSet')}</Typography.Text>
      <Select
        value={dataSet?.code}
        onChange={onDataSet}
        options={dataSets.map((set) => ({ value: set.code, label: set.name }))}
        style={{ width: 280 }}
        aria-label={t('indicator.dataSet')}
        data-testid={`${testId}-data-set`}
      />
      <Typography.Text type="secondary">{t('indicator.entry.period')}</Typography.Text>
      <Select
        value={period ?? undefined}
        onChange={onPeriod}
        options={periods.map((p) => ({ value: p, label: formatPeriod(p, language) }))}
        style={{ width: 180 }}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('indicator.entry.period')}
        data-testid={`${testId}-period`}
      />
    </>
  );
}
