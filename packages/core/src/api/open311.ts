import { z } from 'zod';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as /open311/v2 serves it: the
 * documents the specification names, with its field names. The server builds each answer as one
 * of these (and renders it as XML or JSON, docs/open311.md); the routes stay out of the OpenAPI
 * document, whose conventions (problem+json, camelCase) are not the specification's. Requests are
 * read field by field as the specification and FixMyStreet send them (form-encoded, multipart or
 * JSON), so there is no request schema here: its error texts are part of the wire format.
 */

/** A service (our second-level category): GET services.{fmt}. */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311Service>;

/** GET services/{code}.{fmt}: the extra attributes a request may carry. */
export const Open311ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number().int(),
      description: z.string(),
    }),
  ),
});
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;

/**
 * A service request (our case): GET requests.{fmt} and requests/{id}.{fmt}. An anonymous reader
 * gets no description or photo, the area instead of the address and the point rounded.
 */
export const Open311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.string().nullable(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequest>;

/** POST requests.{fmt}: the new request's id and what the responsible unit promises. */
export const Open311CreatedRequest = z.object({
  service_request_id: z.string(),
  service_notice: z.string(),
  account_id: z.null(),
});
export type Open311CreatedRequest = z.infer<typeof Open311CreatedRequest>;

/** GET tokens/{token}.{fmt}: the request a reporter's token belongs to. */
export const Open311RequestToken = z.object({ service_request_id: z.string(), token: z.string() });
export type Open311RequestToken = z.infer<typeof Open311RequestToken>;

/** mySociety's servicerequestupdates extension, with the status words FixMyStreet understands. */
export const Open311UpdateStatus = z.enum([
  'open',
  'investigating',
  'in_progress',
  'fixed',
  'no_further_action',
  'duplicate',
]);
export type Open311UpdateStatus = z.infer<typeof Open311UpdateStatus>;
export const Open311RequestUpdate = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: Open311UpdateStatus,
  description: z.string(),
  updated_datetime: z.string(),
  media_url: z.null(),
});
export type Open311RequestUpdate = z.infer<typeof Open311RequestUpdate>;

/** The specification's error document: a list of `{code, description}`. */
export const Open311ErrorItem = z.object({ code: z.number().int(), description: z.string() });
export type Open311ErrorItem = z.infer<typeof Open311ErrorItem>;
