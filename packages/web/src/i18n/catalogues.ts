import baseZhCN from './zh-CN.json';
import baseEn from './en.json';
import indicatorsZhCN from './features/indicators.zh-CN.json';
import indicatorsEn from './features/indicators.en.json';
import evaluationZhCN from './features/evaluation.zh-CN.json';
import evaluationEn from './features/evaluation.en.json';
import casesZhCN from './features/cases.zh-CN.json';
import casesEn from './features/cases.en.json';
import supervisionZhCN from './features/supervision.zh-CN.json';
import supervisionEn from './features/supervision.en.json';

/**
 * The message catalogues. The shell's messages live in zh-CN.json / en.json; each feature keeps
 * its own pair under features/ so that parallel work on features does not collide in one file.
 * Keys must stay unique across files (catalogue.test.ts checks).
 */
export const catalogueParts = {
  'zh-CN': [baseZhCN, indicatorsZhCN, evaluationZhCN, casesZhCN, supervisionZhCN],
  en: [baseEn, indicatorsEn, evaluationEn, casesEn, supervisionEn],
} as const;

export const zhCN = { ...baseZhCN, ...indicatorsZhCN, ...evaluationZhCN, ...casesZhCN, ...supervisionZhCN };
export const en: Record<keyof typeof zhCN, string> = {
  ...baseEn,
  ...indicatorsEn,
  ...evaluationEn,
  ...casesEn,
  ...supervisionEn,
};
