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

/** JSON kept between requests, with its gzip copy made once when it was kept. */
export type KeptJson = { json: string; gzip: Buffer };

const gzip = promisify(zlib.gzip);

/** Compresses `json` once (on libuv's thread pool), for a view sent many times. */
export async function keptJsonOf(json: string): Promise<KeptJson> {
  return { json, gzip: await gzip(json) };
}

const encodings = new Negotiator({ supportedValues: ['gzip', 'identity'] });

/**
 * Sends a kept view: its gzip copy to a client that accepts gzip (as every browser does), the
 * JSON as it is to any other. Either way nothing is serialised or compressed per request.
 */
export function sendKeptJson(request: FastifyRequest, reply: FastifyReply, kept: KeptJson) {
  reply.header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'];
  if (accepted && encodings.negotiate(accepted) === 'gzip') {
    return reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(kept.gzip);
  }
  return sendSerializedJson(reply, kept.json);
}
