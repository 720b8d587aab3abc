import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends JSON serialised beforehand (and checked against the route's response schema when it was
 * formed) as it is: Fastify sends a string with a JSON content type without serialising it again.
 */
function sendSerializedJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

/**
 * JSON kept between requests, with its gzip copy made once when it was kept and its brotli copy
 * once that is made (`br` is unset until then; decision 0213).
 */
export type KeptJson = { json: string; gzip: Buffer; br?: Buffer };

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Brotli at its best quality: a province's cockpit view (675 KB of JSON) is 42 KB, beside 67 KB at
 * quality 5 and 87 KB gzipped, and the bytes sent are what a warm view costs (decision 0199). It
 * takes about 1.6 s for that view, once per view formed, on libuv's thread pool, so the view is
 * kept and sent gzipped without waiting for it.
 */
const BROTLI_QUALITY = zlib.constants.BROTLI_MAX_QUALITY;

/**
 * Compresses `json` once (on libuv's thread pool), for a view sent many times: the gzip copy before
 * the view is answered, the brotli copy after, sent from the request after it is made.
 */
export async function keptJsonOf(json: string): Promise<KeptJson> {
  const kept: KeptJson = { json, gzip: await gzip(json) };
  const params = {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
  };
  // A failure leaves the gzip copy in use: the view is answered either way.
  void brotli(json, { params }).then(
    (br) => (kept.br = br),
    () => undefined,
  );
  return kept;
}

// Brotli first where a client accepts both with the same weight, as browsers do (decision 0213).
const encodings = new Negotiator({ supportedValues: ['br', 'gzip', 'identity'] });
const gzipOnly = new Negotiator({ supportedValues: ['gzip', 'identity'] });

/**
 * Sends a kept view: its brotli copy, once made, to a client that accepts brotli (as every current
 * browser does), its gzip copy to one that accepts gzip, the JSON as it is to any other. Either way
 * nothing is serialised or compressed per request.
 */
export function sendKeptJson(request: FastifyRequest, reply: FastifyReply, kept: KeptJson) {
  reply.header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'];
  const encoding = accepted ? (kept.br ? encodings : gzipOnly).negotiate(accepted) : null;
  if (encoding === 'br' || encoding === 'gzip') {
    return reply
      .type('application/json; charset=utf-8')
      .header('content-encoding', encoding)
      .send(encoding === 'br' ? kept.br : kept.gzip);
  }
  return sendSerializedJson(reply, kept.json);
}
