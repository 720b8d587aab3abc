import type {
  CityGroup,
  EvaluationMethod,
  RoundKind,
  RoundStatus,
  SanctionEffect,
  ScoringRule,
  TitleChange,
  TitleKind,
  TitleSourceKind,
  TitleStatus,
} from '@chuangcheng/core';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';

// Catalogue keys of the evaluation's enums, so every value has a Chinese and an English label
// (labels.test.ts checks both catalogues hold each one).

export const methodKeys: Record<EvaluationMethod, MessageKey> = {
  material: 'evaluation.method.material',
  field: 'evaluation.method.field',
  questionnaire: 'evaluation.method.questionnaire',
  indicator: 'evaluation.method.indicator',
  simulation: 'evaluation.method.simulation',
};

export const cityGroupKeys: Record<CityGroup, MessageKey> = {
  capital: 'evaluation.cityGroup.capital',
  prefecture: 'evaluation.cityGroup.prefecture',
  county: 'evaluation.cityGroup.county',
  district: 'evaluation.cityGroup.district',
};

export const roundKindKeys: Record<RoundKind, MessageKey> = {
  routine: 'evaluation.roundKind.routine',
  year_end: 'evaluation.roundKind.year_end',
};

export const roundStatusKeys: Record<RoundStatus, MessageKey> = {
  planned: 'evaluation.roundStatus.planned',
  open: 'evaluation.roundStatus.open',
  scoring: 'evaluation.roundStatus.scoring',
  under_review: 'evaluation.roundStatus.under_review',
  published: 'evaluation.roundStatus.published',
};

export const roundStatusColours: Record<RoundStatus, string> = {
  planned: 'default',
  open: 'blue',
  scoring: 'orange',
  under_review: 'purple',
  published: 'green',
};

export const ruleKindKeys: Record<ScoringRule['kind'], MessageKey> = {
  deduction: 'evaluation.rule.deduction',
  proportion: 'evaluation.rule.proportion',
  threshold: 'evaluation.rule.threshold',
  survey: 'evaluation.rule.survey',
};

export const effectKeys: Record<SanctionEffect, MessageKey> = {
  public_praise: 'evaluation.effect.public_praise',
  public_criticism: 'evaluation.effect.public_criticism',
  deduct: 'evaluation.effect.deduct',
  suspend: 'evaluation.effect.suspend',
  bar: 'evaluation.effect.bar',
  revoke: 'evaluation.effect.revoke',
  disqualify: 'evaluation.effect.disqualify',
};

export const effectColours: Record<SanctionEffect, string> = {
  public_praise: 'green',
  public_criticism: 'orange',
  deduct: 'gold',
  suspend: 'red',
  bar: 'volcano',
  revoke: 'magenta',
  disqualify: 'purple',
};

export const titleKindKeys: Record<TitleKind, MessageKey> = {
  provincial_nominated: 'evaluation.title.provincial_nominated',
  provincial_civilized: 'evaluation.title.provincial_civilized',
  national_nominated: 'evaluation.title.national_nominated',
  national_civilized: 'evaluation.title.national_civilized',
};

export const titleChangeKeys: Record<TitleChange, MessageKey> = {
  awarded: 'evaluation.titleChange.awarded',
  suspended: 'evaluation.titleChange.suspended',
  reinstated: 'evaluation.titleChange.reinstated',
  revoked: 'evaluation.titleChange.revoked',
  expired: 'evaluation.titleChange.expired',
  barred: 'evaluation.titleChange.barred',
};

export const titleChangeColours: Record<TitleChange, string> = {
  awarded: 'green',
  suspended: 'red',
  reinstated: 'blue',
  revoked: 'magenta',
  expired: 'gray',
  barred: 'volcano',
};

export const titleStatusKeys: Record<TitleStatus, MessageKey> = {
  held: 'evaluation.titleStatus.held',
  suspended: 'evaluation.titleStatus.suspended',
  revoked: 'evaluation.titleStatus.revoked',
  expired: 'evaluation.titleStatus.expired',
  none: 'evaluation.titleStatus.none',
};

export const titleStatusColours: Record<TitleStatus, string> = {
  held: 'green',
  suspended: 'red',
  revoked: 'magenta',
  expired: 'default',
  none: 'default',
};

export const sourceKindKeys: Record<TitleSourceKind, MessageKey> = {
  round: 'evaluation.titleSource.round',
  incident: 'evaluation.titleSource.incident',
  decision: 'evaluation.titleSource.decision',
};

/** The eligibility rules the server checks (core/titles.ts checkEligibility), by their rule code. */
export const eligibilityRuleKeys: Record<string, MessageKey> = {
  not_already_held: 'evaluation.eligibility.not_already_held',
  not_barred: 'evaluation.eligibility.not_barred',
  holds_prerequisite: 'evaluation.eligibility.holds_prerequisite',
  completed_cycle: 'evaluation.eligibility.completed_cycle',
  cycle_scored: 'evaluation.eligibility.cycle_scored',
  minors_gate: 'evaluation.eligibility.minors_gate',
};
