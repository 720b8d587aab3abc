import type { ScoringRule } from '@chuangcheng/core';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { formatPoints } from './score-format.ts';

/** A standard's scoring rule in one sentence, e.g. "每处扣 0.5 分" or "指标 A01 ≥ 95，未达标不得分". */
export function ruleInWords(rule: ScoringRule, t: Translate): string {
  switch (rule.kind) {
    case 'deduction':
      return t('evaluation.ruleText.deduction', { points: formatPoints(rule.perFinding) });
    case 'proportion':
      return t('evaluation.ruleText.proportion');
    case 'survey':
      return t('evaluation.ruleText.survey');
    case 'threshold':
      return t(rule.partial === 'linear' ? 'evaluation.ruleText.thresholdLinear' : 'evaluation.ruleText.threshold', {
        indicator: rule.indicatorCode
          ? t('evaluation.ruleText.indicator', { code: rule.indicatorCode })
          : t('evaluation.ruleText.value'),
        comparator: rule.comparator === 'gte' ? '≥' : '≤',
        target: rule.target,
      });
  }
}
