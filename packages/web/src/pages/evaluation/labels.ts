import {
  CityGroup,
  EvaluationMethod,
  RoundKind,
  RoundStatus,
  SanctionEffect,
  type ScoringRule,
  TitleChange,
  TitleKind,
  TitleSourceKind,
  TitleStatus,
} from '@chuangcheng/core';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { valueKeys } from '../../i18n/value-keys.ts';

// Catalogue keys of the evaluation's enums, so every value has a Chinese and an English label
// (labels.test.ts checks both catalogues hold each one).

export const methodKeys = valueKeys('evaluation.method', EvaluationMethod.options);

export const cityGroupKeys = valueKeys('evaluation.cityGroup', CityGroup.options);

export const roundKindKeys = valueKeys('evaluation.roundKind', RoundKind.options);

export const roundStatusKeys = valueKeys('evaluation.roundStatus', RoundStatus.options);

export const roundStatusColours: Record<RoundStatus, string> = {
  planned: 'default',
  open: 'blue',
  scoring: 'orange',
  under_review: 'purple',
  published: 'green',
};

export const ruleKindKeys: Record<ScoringRule['kind'], MessageKey> = valueKeys('evaluation.rule', [
  'deduction',
  'proportion',
  'threshold',
  'survey',
]);

export const effectKeys = valueKeys('evaluation.effect', SanctionEffect.options);

export const effectColours: Record<SanctionEffect, string> = {
  public_praise: 'green',
  public_criticism: 'orange',
  deduct: 'gold',
  suspend: 'red',
  bar: 'volcano',
  revoke: 'magenta',
  disqualify: 'purple',
};

export const titleKindKeys = valueKeys('evaluation.title', TitleKind.options);

export const titleChangeKeys = valueKeys('evaluation.titleChange', TitleChange.options);

export const titleChangeColours: Record<TitleChange, string> = {
  awarded: 'green',
  suspended: 'red',
  reinstated: 'blue',
  revoked: 'magenta',
  expired: 'gray',
  barred: 'volcano',
};

export const titleStatusKeys = valueKeys('evaluation.titleStatus', TitleStatus.options);

export const titleStatusColours: Record<TitleStatus, string> = {
  held: 'green',
  suspended: 'red',
  revoked: 'magenta',
  expired: 'default',
  none: 'default',
};

export const sourceKindKeys = valueKeys('evaluation.titleSource', TitleSourceKind.options);

/** The eligibility rules the server checks (core/titles.ts checkEligibility), by their rule code. */
export const eligibilityRuleKeys: Record<string, MessageKey> = valueKeys('evaluation.eligibility', [
  'not_already_held',
  'not_barred',
  'holds_prerequisite',
  'completed_cycle',
  'cycle_scored',
  'minors_gate',
]);
