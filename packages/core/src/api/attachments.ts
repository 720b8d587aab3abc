import { z } from 'zod';

/** A file filed with a report, notice, meeting or instruction, as the attachment routes describe it. */
export const AttachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
