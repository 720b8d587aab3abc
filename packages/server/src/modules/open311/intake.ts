import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { can, type CaseChannel, type Open311CreatedRequest, type Open311ErrorItem } from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import { resolveApiToken } from '../auth/index.ts';
import { fileStoreOf } from '../../storage/file-store.ts';
import { fileCase } from '../cases/index.ts';
import { uploadCasePhoto } from '../cases/index.ts';
import { caseLookup } from '../cases/index.ts';
import { open311Repository } from './repository.ts';

/** An error in the specification's format: status and `{code, description}`. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311ErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.description ?? 'error');
  }
}
export const fail = (status: number, description: string) => new Open311Error(status, [{ code: status, description }]);

/** The specification allows descriptions of up to 4,000 characters; longer ones are refused, never cut. */
const MAX_DESCRIPTION = 4000;
/** Photos a POST may carry (the platform's limit per report). */
const MAX_PHOTOS = 6;

export function limitNotice(amount: number | null, unit: string | null): string | null {
  if (amount === null) return null;
  return `处置时限 ${amount} ${unit === 'hours' ? '工作时' : '工作日'}（受理后自派遣起按工作时间计算）`;
}

type Received = { form: URLSearchParams; photoIds: string[] };

/**
 * The POST's parameters: form-urlencoded (parsed by the plugin), JSON, or multipart/form-data
 * as FixMyStreet sends it with photos. Every file part is a photo of the report: `media` (the
 * GeoReport v2.1 draft), `media[]`, or FixMyStreet's `photo1`, `photo2` …; each is stored like a
 * resident's upload (resized display copy, original kept as evidence).
 */
async function receive(deps: ModuleDeps, request: FastifyRequest): Promise<Received> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (body instanceof URLSearchParams) return { form: body, photoIds: [] };
    const form = new URLSearchParams();
    if (body && typeof body === 'object') {
      for (const [k, v] of Object.entries(body as Record<string, unknown>))
        if (v !== undefined && v !== null) form.set(k, String(v));
    }
    return { form, photoIds: [] };
  }
  const storage = { files: fileStoreOf(deps.config), maxBytes: deps.config.uploadMaxBytes };
  const form = new URLSearchParams();
  const photoIds: string[] = [];
  for await (const part of request.parts({ limits: { fileSize: storage.maxBytes, files: MAX_PHOTOS } })) {
    if (part.type === 'field') form.append(part.fieldname, String(part.value));
    else {
      const photo = await uploadCasePhoto(
        deps.db,
        storage,
        { fileName: part.filename, stream: part.file },
        'before',
        null,
      );
      photoIds.push(photo.id);
    }
  }
  return { form, photoIds };
}

/**
 * The region an address names, for a report that gives only `address_string`: the deepest
 * region whose name the address contains, when the names found form one chain (道里区 … 兆麟街道);
 * an ambiguous or unknown address gives none, and the case waits at the province for a dispatcher.
 */
async function regionFromAddress(deps: ModuleDeps, address: string): Promise<string | undefined> {
  const found = await open311Repository.regionsNamedIn(deps.db, address);
  const byDepth = [...found].sort((a, b) => b.level - a.level);
  for (const candidate of byDepth) {
    const sameLevel = found.filter((r) => r.level === candidate.level);
    if (sameLevel.length > 1) continue;
    const shallower = found.filter((r) => r.level < candidate.level);
    if (shallower.every((r) => candidate.path.startsWith(`${r.path}/`))) return candidate.code;
  }
  return undefined;
}

/** POST requests.{fmt}: files a case through the platform's own intake (channel open311). */
export async function createRequest(deps: ModuleDeps, request: FastifyRequest): Promise<Open311CreatedRequest[]> {
  const { form, photoIds } = await receive(deps, request);
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
  const category = await caseLookup.findCategory(deps.db, serviceCode);
  if (!category || category.parent_code === null || !category.active)
    throw fail(404, `service_code ${serviceCode} was not found`);
  const lat = value('lat');
  const lng = value('long');
  const addressId = value('address_id');
  // We keep no address register: an address_id alone is kept as the address for the dispatcher.
  const address = value('address_string') ?? (addressId ? `address_id ${addressId}` : undefined);
  if (!address && (lat === undefined || lng === undefined)) {
    throw fail(400, 'a location is required: lat & long, address_string or address_id');
  }
  // CR LF and CR are line ends like LF: stored as LF, so JSON and XML answer the same text.
  const description = value('description')?.replace(/\r\n?/g, '\n');
  if (description && description.length > MAX_DESCRIPTION) {
    throw fail(400, `description: at most ${MAX_DESCRIPTION} characters (got ${description.length})`);
  }
  let regionCode = value('attribute[region_code]');
  if (!regionCode && (lat === undefined || lng === undefined)) {
    regionCode =
      (address ? await regionFromAddress(deps, address) : undefined) ?? (await caseLookup.root(deps.db))?.code;
  }
  const name = [value('last_name'), value('first_name')].filter(Boolean).join('');
  const phone = value('phone');
  const input = {
    categoryCode: serviceCode,
    description: description ?? category.name,
    lat: lat === undefined ? undefined : Number(lat),
    lng: lng === undefined ? undefined : Number(lng),
    address: address?.slice(0, 200),
    regionCode,
    photoIds,
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
