import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  isWithinScope,
  type Open311RequestToken,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
} from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import { AppError, renderText } from '../../http/problem.ts';
import { hashToken } from '../cases/index.ts';
import { caseLookup } from '../cases/index.ts';
import { formatOf, renderList, renderObject, send, sendErrors, type Format } from './format.ts';
import { createRequest, fail, limitNotice, Open311Error } from './intake.ts';
import { open311Repository } from './repository.ts';
import { dateParam, readerOf, serviceRequestUpdates } from './updates.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2: our second-level
 * categories are the services, our cases the service requests, and their states map to
 * open (submitted … handled) and closed (closed, rejected, duplicate). See docs/open311.md.
 */

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint last changed (the discovery document's changeset). */
const CHANGESET = '2026-11-28T00:00:00Z';
const DAY_MS = 86_400_000;

/** Our field names in validation errors → the parameter names of the specification. */
const PARAMS: Record<string, string> = {
  'body.categoryCode': 'service_code',
  'body.description': 'description',
  'body.lat': 'lat',
  'body.lng': 'long',
  'body.address': 'address_string',
  'body.regionCode': 'attribute[region_code]',
  'body.contact.phone': 'phone',
  'body.contact.name': 'first_name',
};

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function statusOf(status: string): 'open' | 'closed' {
  return ['closed', 'rejected', 'duplicate'].includes(status) ? 'closed' : 'open';
}

async function services(deps: ModuleDeps): Promise<Open311Service[]> {
  const categories = await caseLookup.listCategories(deps.db, true);
  const groups = new Map(categories.filter((c) => c.parent_code === null).map((c) => [c.code, c.name]));
  return categories
    .filter((c) => c.parent_code !== null)
    .map((c): Open311Service => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description ?? c.name,
      metadata: true,
      type: 'realtime',
      keywords: [c.name, ...(c.description ?? '').split('、')].filter(Boolean).join(', '),
      group: groups.get(c.parent_code!) ?? '',
    }));
}

const definitionOf = (code: string): Open311ServiceDefinition => ({
  service_code: code,
  attributes: [
    {
      variable: true,
      code: 'region_code',
      datatype: 'string',
      required: false,
      datatype_description: '行政区划代码，如 230102001（街道）或 230102001001（社区）',
      order: 1,
      description: '问题所在的街道或社区。不填时按 lat/long 定位到所在地市；只给 address_string 时必填。',
    },
  ],
});

/** A comma list parameter; empty or blank means absent (never an empty `in ()`). */
function listParam(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

/**
 * Which fields of a request are public (issue 11, item 8). Anonymous readers get what a passer-by
 * could see of the street: the service, status, dates, the responsible agency, the region (street
 * or community) instead of the typed address (which may be a private home), the point rounded to
 * three decimals (about 100 m), and no description, photo or reporter data (a description often
 * names a home or a person; the reporter follows the case with the tracking token). A staff
 * api_key holding case.read sees its own scope's requests in full; never the reporter's contact.
 */
function publicFields(row: { lat: number | null; lng: number | null }, area: string) {
  const coarse = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return { description: null, address: area, lat: coarse(row.lat), long: coarse(row.lng), media_url: null };
}

async function requests(deps: ModuleDeps, request: FastifyRequest, query: Record<string, string | undefined>) {
  const now = Date.now();
  const reader = await readerOf(deps, request);
  const parseDate = (name: string) => dateParam(query, name);
  const numbers = listParam(query.service_request_id);
  let start = parseDate('start_date');
  let end = parseDate('end_date');
  if (!start && !end) {
    end = new Date(now);
    start = new Date(now - 90 * DAY_MS);
  } else if (!start) start = new Date(end!.getTime() - 90 * DAY_MS);
  else if (!end) end = new Date(Math.min(now, start.getTime() + 90 * DAY_MS));
  if (end!.getTime() < start.getTime()) throw fail(400, 'end_date is before start_date');
  if (!numbers && end!.getTime() - start.getTime() > 90 * DAY_MS)
    throw fail(400, 'start_date to end_date may not span more than 90 days');
  const statuses = listParam(query.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
    throw fail(400, 'status must be open or closed (comma separated)');
  const rows = await caseLookup.listPublicRequests(deps.db, {
    numbers,
    serviceCodes: listParam(query.service_code),
    start,
    end: end!,
    statuses: statuses as ('open' | 'closed')[] | undefined,
    limit: 1000,
  });
  const ids = rows.map((r) => r.id);
  const [notes, photos] = await Promise.all([
    caseLookup.latestPublicNotes(deps.db, ids),
    caseLookup.firstPhotos(deps.db, ids),
  ]);
  const noteOf = new Map<string, string>();
  for (const n of notes) noteOf.set(n.case_id, n.note!);
  const photoOf = new Map<string, string>();
  for (const p of photos) if (!photoOf.has(p.case_id!)) photoOf.set(p.case_id!, p.id);
  // The street-level address: the names of the case's county, street and community.
  const codes = [...new Set(rows.flatMap((r) => r.region_path.split('/').slice(2)))];
  const nameOf = new Map((await open311Repository.regionNames(deps.db, codes)).map((r) => [r.code, r.name]));
  const area = (path: string) =>
    path
      .split('/')
      .slice(2)
      .map((c) => nameOf.get(c))
      .filter(Boolean)
      .join('') || null;
  return rows.map((r): Open311ServiceRequest => ({
    service_request_id: r.number,
    status: statusOf(r.status),
    status_notes: r.status === 'duplicate' ? 'Duplicate request.' : (noteOf.get(r.id) ?? null),
    service_name: r.category_name,
    service_code: r.category_code,
    description: r.description,
    agency_responsible: r.unit_name,
    service_notice: limitNotice(r.limit_amount, r.limit_unit),
    requested_datetime: r.reported_at.toISOString(),
    updated_datetime: (r.closed_at ?? r.updated_at).toISOString(),
    expected_datetime: r.deadline.toISOString(),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: photoOf.has(r.id) ? `${origin(request)}/api/v1/public/case-photos/${photoOf.get(r.id)}` : null,
    ...(reader && isWithinScope(reader.regionPath, r.region_path)
      ? {}
      : publicFields(r, area(r.region_path) ?? r.region_name)),
  }));
}

/** Our problem+json errors and validation errors in the specification's format. */
function toOpen311(error: unknown): Open311Error {
  if (error instanceof Open311Error) return error;
  const status = (error as { statusCode?: number }).statusCode;
  // Throttling is temporary: 429 (clients retry after Retry-After), never a 400 they treat as final.
  if (status === 429) {
    return new Open311Error(429, [
      { code: 429, description: 'Too many requests; retry after the Retry-After seconds' },
    ]);
  }
  if (status === 413) return fail(413, 'the request is too large (photos: at most 6, each within the upload limit)');
  if (
    status === 406 ||
    status === 415 ||
    (status !== undefined && status >= 400 && status < 500 && !(error instanceof AppError))
  ) {
    return fail(400, (error as Error).message);
  }
  if (error instanceof AppError) {
    const status = error.status === 401 || error.status === 403 ? 403 : error.status === 404 ? 404 : 400;
    const errors = (error.errors ?? []).map((e) => ({
      code: status,
      description: `${PARAMS[e.field] ?? e.field}: ${renderText(e.message, 'en')}`,
    }));
    return new Open311Error(status, errors.length > 0 ? errors : [{ code: status, description: error.message }]);
  }
  return fail(400, 'General service error; the request could not be processed');
}

/** The GeoReport v2 plugin, registered with the prefix /open311 (outside /api/v1). */
export function open311Routes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    // FixMyStreet posts photos as multipart/form-data (photo1, photo2 …; media in the v2.1 draft).
    await app.register(multipart);
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, new URLSearchParams(body as string));
    });
    app.setErrorHandler((error, request, reply) => {
      const e = toOpen311(error);
      const status = (error as { statusCode?: number }).statusCode;
      if (!(error instanceof Open311Error || error instanceof AppError) && !(status && status < 500))
        request.log.error({ err: error }, 'open311 failure');
      return sendErrors(reply, formatOf(request.url), e.status, e.errors);
    });
    app.setNotFoundHandler((request, reply) =>
      sendErrors(reply, formatOf(request.url), 404, [
        { code: 404, description: `no such resource: ${request.url.split('?')[0]}` },
      ]),
    );
    const config = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

    for (const format of ['json', 'xml'] as Format[]) {
      const discovery = (request: FastifyRequest, reply: FastifyReply) =>
        send(
          reply,
          format,
          200,
          renderObject(
            format,
            'discovery',
            {
              changeset: CHANGESET,
              contact: '请联系本省创城办（省精神文明办）平台管理员',
              key_service: '申请 api_key：由省或市级管理员为具有 case.report 权限的账号创建 API 令牌（cct_…）',
              endpoints: [
                {
                  specification: SPEC,
                  url: `${origin(request)}/open311/v2`,
                  changeset: CHANGESET,
                  type: 'production',
                  formats: ['text/xml', 'application/json'],
                },
              ],
            },
            { endpoints: 'endpoint', formats: 'format' },
          ),
        );
      app.get(`/discovery.${format}`, { config, schema: { hide: true } }, discovery);
      app.get(`/v2/discovery.${format}`, { config, schema: { hide: true } }, discovery);
      app.get(`/v2/services.${format}`, { config, schema: { hide: true } }, async (_request, reply) =>
        send(reply, format, 200, renderList(format, 'services', 'service', await services(deps))),
      );
      app.get(`/v2/requests.${format}`, { config, schema: { hide: true } }, async (request, reply) =>
        send(
          reply,
          format,
          200,
          renderList(
            format,
            'service_requests',
            'request',
            await requests(deps, request, request.query as Record<string, string>),
          ),
        ),
      );
      app.get(`/v2/servicerequestupdates.${format}`, { config, schema: { hide: true } }, async (request, reply) =>
        send(
          reply,
          format,
          200,
          renderList(format, 'service_requests_updates', 'request_update', await serviceRequestUpdates(deps, request)),
        ),
      );
      app.post(
        `/v2/requests.${format}`,
        { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { hide: true } },
        async (request, reply) =>
          send(
            reply,
            format,
            201,
            renderList(format, 'service_requests', 'request', await createRequest(deps, request)),
          ),
      );
    }
    // One route per resource with the format as a suffix: /services/{code}.{fmt}, /requests/{id}.{fmt}, /tokens/{token}.{fmt}.
    const split = (file: string) => {
      const m = /^(.+)\.(json|xml)$/.exec(file);
      if (!m) throw fail(404, 'append .xml or .json to the resource');
      return { id: m[1]!, format: m[2] as Format };
    };
    app.get('/v2/services/:file', { config, schema: { hide: true } }, async (request, reply) => {
      const { id, format } = split((request.params as { file: string }).file);
      const category = await caseLookup.findCategory(deps.db, id);
      if (!category || category.parent_code === null || !category.active)
        throw fail(404, `service_code ${id} was not found`);
      return send(
        reply,
        format,
        200,
        renderObject(format, 'service_definition', definitionOf(id), { attributes: 'attribute', values: 'value' }),
      );
    });
    app.get('/v2/requests/:file', { config, schema: { hide: true } }, async (request, reply) => {
      const { id, format } = split((request.params as { file: string }).file);
      const found = await requests(deps, request, { service_request_id: id });
      if (found.length === 0) throw fail(404, `service_request_id ${id} was not found`);
      return send(reply, format, 200, renderList(format, 'service_requests', 'request', found));
    });
    app.get('/v2/tokens/:file', { config, schema: { hide: true } }, async (request, reply) => {
      const { id: token, format } = split((request.params as { file: string }).file);
      const found = await caseLookup.findNumberOfToken(deps.db, hashToken(token));
      if (!found) throw fail(404, `token ${token} was not found`);
      return send(
        reply,
        format,
        200,
        renderList(format, 'service_requests', 'request', [
          { service_request_id: found.number, token } satisfies Open311RequestToken,
        ]),
      );
    });
  };
}
