import type { IndicatorAggregation, IndicatorPeriodType, TargetDirection } from '@chuangcheng/core';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';

export const directionKeys: Record<TargetDirection, MessageKey> = {
  higher_is_better: 'indicator.direction.higher_is_better',
  lower_is_better: 'indicator.direction.lower_is_better',
};

export const aggregationKeys: Record<IndicatorAggregation, MessageKey> = {
  sum: 'indicator.aggregation.sum',
  average: 'indicator.aggregation.average',
  ratio: 'indicator.aggregation.ratio',
};

export const periodTypeKeys: Record<IndicatorPeriodType, MessageKey> = {
  year: 'indicator.periodType.year',
  quarter: 'indicator.periodType.quarter',
  month: 'indicator.periodType.month',
};
