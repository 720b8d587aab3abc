import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { datasetPath, readDataset } from '../../bootstrap.ts';
import { ConfigError } from '../../config.ts';
import type { App, ModuleDeps } from '../../http/types.ts';

const Text = z.strictObject({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) });
const Paragraphs = z.strictObject({
  'zh-CN': z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

/** data/public/<name>.yaml: who publishes the public pages (see data/public/README.md). */
export const Publisher = z.strictObject({
  office: Text,
  hotline: z.strictObject({ number: z.string().regex(/^[\d-]{3,20}$/), hours: Text.optional() }).optional(),
  privacy: Paragraphs,
});
export type Publisher = z.infer<typeof Publisher>;

/** The publisher file of a data set, or null when its manifest names none. */
async function readPublisher(dataset: string): Promise<Publisher | null> {
  const manifest = datasetPath(dataset);
  const file = readDataset(manifest).publisher;
  if (!file) return null;
  const target = path.resolve(path.dirname(manifest), file);
  const parsed = Publisher.safeParse(parseYaml(await fs.readFile(target, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`publisher ${target}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** GET /public/publisher: the office, hotline and privacy statement the public pages show. */
export async function publisherRoutes(app: App, deps: ModuleDeps) {
  // Read once at start: a wrong file stops the server with the field to fix, not a resident's page.
  const publisher = await readPublisher(deps.config.dataset);
  app.get(
    '/public/publisher',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Who publishes the public pages: issuing office, hotline, privacy statement (null: not configured)',
        response: { 200: z.object({ publisher: Publisher.nullable() }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { publisher };
    },
  );
}
