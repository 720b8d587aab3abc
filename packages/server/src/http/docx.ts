import type { FastifyReply } from 'fastify';
import { disposition } from './xlsx.ts';

/** The media type of every Word file the API sends. */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a Word document as a download named `name` (`ascii` for clients that cannot read a UTF-8 name). */
export function sendDocx(reply: FastifyReply, file: { ascii: string; name: string }, body: Buffer) {
  return reply.type(DOCX).header('content-disposition', disposition(file.ascii, file.name)).send(body);
}
