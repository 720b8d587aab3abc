import { z } from 'zod';
import { CityGroup, EvaluationMethod, IsoDate, RoundKind, RoundStatus } from '../evaluation.ts';
import { PageParam } from './paging.ts';

/**
 * Route parameters and query strings of the evaluation API, shared by the server (validation,
 * OpenAPI) and the web app (decision 0172); the bodies and answers are in `../evaluation.ts`.
 */
export const EvaluationIdParams = z.strictObject({ id: z.uuid() });
export const RoundRegionParams = z.strictObject({ id: z.uuid(), code: z.string().min(1).max(12) });
export const ResultParams = RoundRegionParams.extend({ standardCode: z.string().min(1).max(40) });
export const RegionParams = z.strictObject({ code: z.string().min(1).max(12) });

export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const SheetQuery = z.strictObject({ method: EvaluationMethod });
export const RoundListQuery = z.strictObject({
  status: RoundStatus.optional(),
  kind: RoundKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  cursor: z.string().max(500).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** A published round's publication to read; default the one in force (the latest). */
export const PublicationQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const RankingQuery = PublicationQuery.extend({ cityGroup: CityGroup.optional() });
export const IncidentListQuery = z.strictObject({
  regionCode: z.string().min(1).max(12).optional(),
  cursor: z.string().max(500).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const TitleListQuery = z.strictObject({
  under: z.string().min(1).max(12).optional(),
  at: IsoDate.optional(),
  cursor: z.string().max(500).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const TitleCountQuery = z.strictObject({ under: z.string().min(1).max(12).optional(), at: IsoDate.optional() });
export const AtQuery = z.strictObject({ at: IsoDate.optional() });
