import fs from 'node:fs';
import path from 'node:path';
import type { Agent, TestContext } from '../../test/harness.ts';

/** A minimal PDF: enough for the signature check (tests only). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Posts one file as multipart/form-data in the field `field`, signed in as `agent` (with more headers, if any). */
export function upload(
  ctx: TestContext,
  agent: Agent,
  url: string,
  fileName: string,
  content: Buffer,
  field = 'file',
  headers: Record<string, string> = {},
) {
  const boundary = `----cc${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: agent.cookie,
      'x-csrf-token': agent.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...headers,
    },
    payload,
  });
}

/** Every file below a directory, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}
