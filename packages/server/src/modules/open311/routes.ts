import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type CaseChannel } from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import { AppError } from '../../http/problem.ts';
import { resolveApiToken } from '../auth/service.ts';
import { fileCase, hashToken } from '../cases/intake.ts';
import { caseRepository } from '../cases/repository.ts';
import { formatOf, renderList, renderObject, send, sendErrors, type Format, type Tree } from './format.ts';
import { open311Repository } from './repository.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2: our second-level
 * categories are the services, our cases the service requests, and their states map to
 * open (submitted … handled) and closed (closed, rejected, duplicate). See docs/open311.md.
 */

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint last changed (the discovery document's changeset). */
const CHANGESET = '2026-11-28T00:00:00Z';
const DAY_MS = 86_400_000;

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: { code: number; description: string }[],
  ) {
    super(errors[0]?.description ?? 'error');
  }
}
const fail = (status: number, description: string) => new Open311Error(status, [{ code: status, description }]);

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

function limitNotice(amount: number | null, unit: string | null): string | null {
  if (amount === null) return null;
  return `处置时限 ${amount} ${unit === 'hours' ? '工作时' : '工作日'}（自上报起按工作时间计算）`;
}

async function services(deps: ModuleDeps): Promise<Tree[]> {
  const categories = await caseRepository.listCategories(deps.db, true);
  const groups = new Map(categories.filter((c) => c.parent_code === null).map((c) => [c.code, c.name]));
  return categories
    .filter((c) => c.parent_code !== null)
    .map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description ?? c.name,
      metadata: true,
      type: 'realtime',
      keywords: [c.name, ...(c.description ?? '').split('、')].filter(Boolean).join(', '),
      group: groups.get(c.parent_code!) ?? '',
    }));
}

const definitionOf = (code: string): Tree => ({
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

async function requests(deps: ModuleDeps, request: FastifyRequest, query: Record<string, string | undefined>) {
  const now = Date.now();
  const parseDate = (name: string) => {
    const value = query[name];
    if (!value) return undefined;
    const t = Date.parse(value);
    if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      throw fail(400, `${name} must be a w3 datetime, e.g. 2010-01-01T00:00:00Z`);
    }
    return new Date(t);
  };
  const numbers = query.service_request_id
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
  const statuses = query.status
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
    throw fail(400, 'status must be open or closed (comma separated)');
  const rows = await open311Repository.listRequests(deps.db, {
    numbers,
    serviceCodes: query.service_code
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    start,
    end: end!,
    statuses: statuses as ('open' | 'closed')[] | undefined,
    limit: 1000,
  });
  const ids = rows.map((r) => r.id);
  const [notes, photos] = await Promise.all([
    open311Repository.latestNotes(deps.db, ids),
    open311Repository.firstPhotos(deps.db, ids),
  ]);
  const noteOf = new Map<string, string>();
  for (const n of notes) noteOf.set(n.case_id, n.note!);
  const photoOf = new Map<string, string>();
  for (const p of photos) if (!photoOf.has(p.case_id!)) photoOf.set(p.case_id!, p.id);
  return rows.map((r): Tree => ({
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
  }));
}

/** Form fields with repeated names kept (attribute[code][]=a&attribute[code][]=b). */
function formOf(request: FastifyRequest): URLSearchParams {
  const body = request.body;
  if (body instanceof URLSearchParams) return body;
  const params = new URLSearchParams();
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>))
      if (v !== undefined && v !== null) params.set(k, String(v));
  }
  return params;
}

async function createRequest(deps: ModuleDeps, request: FastifyRequest): Promise<Tree[]> {
  const form = formOf(request);
  const apiKey = form.get('api_key') ?? (request.query as Record<string, string>).api_key;
  const actor = apiKey ? await resolveApiToken(deps.db, apiKey) : undefined;
  if (!actor) throw fail(403, "Invalid api_key received -- can't proceed with create_request.");
  if (!can(actor.role, 'case.report'))
    throw fail(403, 'the account of this api_key may not report problems (case.report)');
  const value = (name: string) => {
    const v = form.get(name);
    return v === null || v.trim() === '' ? undefined : v.trim();
  };
  const serviceCode = value('service_code');
  if (!serviceCode) throw fail(400, 'service_code was not provided');
  const category = await caseRepository.findCategory(deps.db, serviceCode);
  if (!category || category.parent_code === null || !category.active)
    throw fail(404, `service_code ${serviceCode} was not found`);
  const lat = value('lat');
  const lng = value('long');
  const address = value('address_string');
  if (!address && (lat === undefined || lng === undefined)) {
    throw fail(
      400,
      value('address_id')
        ? 'address_id is not supported here: send lat & long or address_string'
        : 'a location is required: lat & long, or address_string',
    );
  }
  const name = [value('last_name'), value('first_name')].filter(Boolean).join('');
  const phone = value('phone');
  const description = value('description');
  if (description && description.length > 4000) throw fail(400, 'description is limited to 4,000 characters');
  const input = {
    categoryCode: serviceCode,
    description: (description ?? category.name).slice(0, 2000),
    lat: lat === undefined ? undefined : Number(lat),
    lng: lng === undefined ? undefined : Number(lng),
    address,
    regionCode: value('attribute[region_code]'),
    photoIds: [],
    contact: name || phone ? { ...(name ? { name: name.slice(0, 50) } : {}), ...(phone ? { phone } : {}) } : undefined,
    channel: 'open311' as CaseChannel,
  };
  if ((input.lat !== undefined && Number.isNaN(input.lat)) || (input.lng !== undefined && Number.isNaN(input.lng))) {
    throw fail(400, 'lat and long must be numbers (WGS84)');
  }
  // GeoReport v2 has no idempotency key: each POST is a new request.
  const { body } = await fileCase(
    deps.db,
    { actor, requestId: request.id, log: request.log, personalData: deps.personalData },
    `open311:${crypto.randomUUID()}`,
    input,
  );
  return [
    {
      service_request_id: body.number,
      service_notice: `${limitNotice(category.limit_amount, category.limit_unit)}；预计 ${body.deadline} 前处置`,
      account_id: null,
    },
  ];
}

/** Our problem+json errors and validation errors in the specification's format. */
function toOpen311(error: unknown): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof AppError) {
    const status = error.status === 401 || error.status === 403 ? 403 : error.status === 404 ? 404 : 400;
    const errors = (error.errors ?? []).map((e) => ({
      code: status,
      description: `${PARAMS[e.field] ?? e.field}: ${e.message}`,
    }));
    return new Open311Error(
      status,
      errors.length > 0 ? errors : [{ code: status, description: error.detail ?? error.code }],
    );
  }
  return fail(400, 'General service error; the request could not be processed');
}

/** The GeoReport v2 plugin, registered with the prefix /open311 (outside /api/v1). */
export function open311Routes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, new URLSearchParams(body as string));
    });
    app.setErrorHandler((error, request, reply) => {
      const e = toOpen311(error);
      if (e.status >= 500 || !(error instanceof Open311Error || error instanceof AppError))
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
      const category = await caseRepository.findCategory(deps.db, id);
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
      const found = await open311Repository.numberOfToken(deps.db, hashToken(token));
      if (!found) throw fail(404, `token ${token} was not found`);
      return send(
        reply,
        format,
        200,
        renderList(format, 'service_requests', 'request', [{ service_request_id: found.number, token }]),
      );
    });
  };
}
