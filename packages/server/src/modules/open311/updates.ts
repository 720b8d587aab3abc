import type { FastifyRequest } from 'fastify';
import { can, type Open311RequestUpdate, type Open311UpdateStatus } from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import type { Actor } from '../auth/index.ts';
import { resolveApiToken } from '../auth/index.ts';
import { fail } from './intake.ts';
import { caseLookup, PUBLIC_NOTE_KINDS } from '../cases/index.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * mySociety's `servicerequestupdates` extension (https://www.mysociety.org/2013/02/20/open311-extended/),
 * as FixMyStreet's client reads it (perllib/Open311.pm get_service_request_updates,
 * Open311/GetServiceRequestUpdates.pm): `GET servicerequestupdates.{xml,json}?api_key=…&start_date=…&end_date=…`
 * answers `<service_requests_updates><request_update>` items with update_id, service_request_id,
 * status, description, updated_datetime (and media_url). The status words are those its map_state
 * understands: open, investigating, in_progress, fixed, no_further_action, duplicate.
 */
const STATUS_OF_KIND: Record<string, Open311UpdateStatus> = {
  accepted: 'investigating',
  dispatched: 'in_progress',
  started: 'in_progress',
  paused: 'open',
  resumed: 'in_progress',
  extension_approved: 'in_progress',
  handled: 'in_progress',
  verification_passed: 'fixed',
  reopened: 'open',
  rejected: 'no_further_action',
  merged_into: 'duplicate',
};

/** What an update says when the event carries no public note. */
const TEXT_OF_KIND: Record<string, string> = {
  accepted: '已受理立案',
  dispatched: '已派遣至承办单位',
  started: '承办单位已签收',
  paused: '暂停计时，等待补充信息',
  resumed: '恢复计时',
  extension_approved: '延期申请已批准',
  handled: '承办单位已处置，等待核查',
  verification_passed: '核查通过，已结案',
  reopened: '举报人反馈未解决，重新核查',
  rejected: '不予立案',
  merged_into: 'Duplicate request.',
};

/** The staff account of an `api_key` that may read cases, or none. */
export async function readerOf(deps: ModuleDeps, request: FastifyRequest): Promise<Actor | undefined> {
  const key = (request.query as Record<string, string | undefined>).api_key;
  const actor = key ? await resolveApiToken(deps.db, key) : undefined;
  return actor && can(actor.role, 'case.read') ? actor : undefined;
}

/** A w3 datetime parameter of the query (`start_date`, `end_date`), or a 400 naming it. */
export function dateParam(query: Record<string, string | undefined>, name: string): Date | undefined {
  const value = query[name];
  if (!value) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw fail(400, `${name} must be a w3 datetime, e.g. 2010-01-01T00:00:00Z`);
  }
  return new Date(t);
}

/**
 * GET servicerequestupdates.{fmt}: the updates of the cases in the api_key account's scope
 * between start_date and end_date (both or neither, as FixMyStreet sends them; neither: the last
 * two hours, FixMyStreet's default window; at most 90 days), oldest first, at most 1000.
 */
export async function serviceRequestUpdates(
  deps: ModuleDeps,
  request: FastifyRequest,
): Promise<Open311RequestUpdate[]> {
  const actor = await readerOf(deps, request);
  if (!actor) throw fail(403, "Invalid api_key received -- can't proceed with get_service_request_updates.");
  const query = request.query as Record<string, string | undefined>;
  let start = dateParam(query, 'start_date');
  let end = dateParam(query, 'end_date');
  if ((start === undefined) !== (end === undefined)) throw fail(400, 'send start_date and end_date together');
  if (!start || !end) {
    end = new Date();
    start = new Date(end.getTime() - 2 * HOUR_MS);
  }
  if (end < start) throw fail(400, 'end_date is before start_date');
  if (end.getTime() - start.getTime() > 90 * DAY_MS)
    throw fail(400, 'start_date to end_date may not span more than 90 days');
  const rows = await caseLookup.listPublicUpdates(deps.db, {
    start,
    end,
    scopePath: actor.regionPath,
    kinds: Object.keys(STATUS_OF_KIND),
    limit: 1000,
  });
  return rows.map((e) => ({
    update_id: e.id,
    service_request_id: e.number,
    status: STATUS_OF_KIND[e.kind]!,
    // The notes the public tracking page shows; other kinds are described by TEXT_OF_KIND only.
    description: (PUBLIC_NOTE_KINDS.has(e.kind) && e.note) || TEXT_OF_KIND[e.kind]!,
    updated_datetime: e.at.toISOString(),
    media_url: null,
  }));
}
