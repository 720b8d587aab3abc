import { z } from 'zod';

// The publisher module's API: who publishes the public pages.

const Text = z.strictObject({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) });
const Paragraphs = z.strictObject({
  'zh-CN': z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

/**
 * The issuing office, hotline and privacy statement, as data/public/<name>.yaml writes them (see
 * data/public/README.md): the server reads the file with this schema and answers with it.
 */
export const Publisher = z.strictObject({
  office: Text,
  hotline: z.strictObject({ number: z.string().regex(/^[\d-]{3,20}$/), hours: Text.optional() }).optional(),
  privacy: Paragraphs,
});
export type Publisher = z.infer<typeof Publisher>;

/** GET /public/publisher: null when the data set names no publisher file. */
export const PublisherAnswer = z.object({ publisher: Publisher.nullable() });
export type PublisherAnswer = z.infer<typeof PublisherAnswer>;
