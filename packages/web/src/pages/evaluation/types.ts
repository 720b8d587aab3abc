import type { z } from 'zod';
import type {
  CycleResult,
  FrameworkImportResult,
  FrameworkVersionView,
  Incident,
  IncidentEffectView,
  PublishOutcome,
  RankingRow,
  RegionTitleHistory,
  RoundList,
  RoundEffects,
  RoundRegion,
  SheetStandard,
  TitleStateList,
  TitleStateView,
} from '@chuangcheng/core';

// The shapes the evaluation routes answer with (docs/api/evaluation.md), inferred from the
// shared zod schemas so the web app and the server cannot drift apart.

export type FrameworkVersion = z.infer<typeof FrameworkVersionView>;
export type ImportResult = z.infer<typeof FrameworkImportResult>;
export type RoundSummary = z.infer<typeof RoundList>['items'][number];
export type RoundRegionView = z.infer<typeof RoundRegion>;
export type Publication = z.infer<typeof PublishOutcome>;
export type SheetRow = z.infer<typeof SheetStandard>;
export type RankingLine = z.infer<typeof RankingRow>;
export type IncidentView = Incident;
export type IncidentEffect = z.infer<typeof IncidentEffectView>;
export type TitleStates = z.infer<typeof TitleStateList>;
export type TitleStateItem = z.infer<typeof TitleStateView>;
export type TitleHistory = z.infer<typeof RegionTitleHistory>;
export type Cycle = z.infer<typeof CycleResult>;
export type CycleLine = Cycle['rows'][number];
export type RoundEffectList = z.infer<typeof RoundEffects>;
