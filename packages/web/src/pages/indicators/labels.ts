import { IndicatorAggregation, IndicatorPeriodType, TargetDirection } from '@chuangcheng/core';
import { valueKeys } from '../../i18n/value-keys.ts';

export const directionKeys = valueKeys('indicator.direction', TargetDirection.options);

export const aggregationKeys = valueKeys('indicator.aggregation', IndicatorAggregation.options);

export const periodTypeKeys = valueKeys('indicator.periodType', IndicatorPeriodType.options);
