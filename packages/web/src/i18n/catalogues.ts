import baseZhCN from './zh-CN.json';
import baseEn from './en.json';
import indicatorsZhCN from './features/indicators.zh-CN.json';
import indicatorsEn from './features/indicators.en.json';
import evaluationZhCN from './features/evaluation.zh-CN.json';
import evaluationEn from './features/evaluation.en.json';
import casesZhCN from './features/cases.zh-CN.json';
import casesEn from './features/cases.en.json';
import shellZhCN from './features/shell.zh-CN.json';
import shellEn from './features/shell.en.json';
import publicZhCN from './features/public.zh-CN.json';
import publicEn from './features/public.en.json';
import listsZhCN from './features/lists.zh-CN.json';
import listsEn from './features/lists.en.json';
import auditZhCN from './features/audit.zh-CN.json';
import auditEn from './features/audit.en.json';
import supervisionZhCN from './features/supervision.zh-CN.json';
import supervisionEn from './features/supervision.en.json';
import bulletinZhCN from './features/bulletin.zh-CN.json';
import bulletinEn from './features/bulletin.en.json';
import lightsZhCN from './features/lights.zh-CN.json';
import lightsEn from './features/lights.en.json';
import instructionsZhCN from './features/instructions.zh-CN.json';
import instructionsEn from './features/instructions.en.json';
import a11yZhCN from './features/a11y.zh-CN.json';
import a11yEn from './features/a11y.en.json';

/**
 * The message catalogues. The shell's messages live in zh-CN.json / en.json; each feature keeps
 * its own pair under features/ so that parallel work on features does not collide in one file.
 * Keys must stay unique across files (catalogue.test.ts checks). A new feature adds its pair to
 * both lists and to both spreads, one line each.
 */
export const catalogueParts = {
  'zh-CN': [
    baseZhCN,
    indicatorsZhCN,
    evaluationZhCN,
    casesZhCN,
    shellZhCN,
    publicZhCN,
    listsZhCN,
    auditZhCN,
    supervisionZhCN,
    bulletinZhCN,
    lightsZhCN,
    instructionsZhCN,
    a11yZhCN,
  ],
  en: [
    baseEn,
    indicatorsEn,
    evaluationEn,
    casesEn,
    shellEn,
    publicEn,
    listsEn,
    auditEn,
    supervisionEn,
    bulletinEn,
    lightsEn,
    instructionsEn,
    a11yEn,
  ],
} as const;

export const zhCN = {
  ...baseZhCN,
  ...indicatorsZhCN,
  ...evaluationZhCN,
  ...casesZhCN,
  ...shellZhCN,
  ...publicZhCN,
  ...listsZhCN,
  ...auditZhCN,
  ...supervisionZhCN,
  ...bulletinZhCN,
  ...lightsZhCN,
  ...instructionsZhCN,
  ...a11yZhCN,
};
export const en: Record<keyof typeof zhCN, string> = {
  ...baseEn,
  ...indicatorsEn,
  ...evaluationEn,
  ...casesEn,
  ...shellEn,
  ...publicEn,
  ...listsEn,
  ...auditEn,
  ...supervisionEn,
  ...bulletinEn,
  ...lightsEn,
  ...instructionsEn,
  ...a11yEn,
};
