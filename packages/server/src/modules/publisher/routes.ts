import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Publisher, PublisherAnswer } from '@chuangcheng/core';
import { datasetPath, readDataset } from '../../bootstrap.ts';
import { ConfigError } from '../../config.ts';
import type { App, ModuleDeps } from '../../http/types.ts';

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
        response: { 200: PublisherAnswer },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { publisher };
    },
  );
}
