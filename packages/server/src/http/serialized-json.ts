import type { FastifyReply } from 'fastify';

/**
 * Sends JSON serialised beforehand (and checked against the route's response schema when it was
 * formed) as it is: Fastify sends a string with a JSON content type without serialising it again.
 */
export function sendSerializedJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}
