// The attachments module's public face: what other modules and the app may use. Everything else is private.
export { attachmentLookup, removeAttachmentsOf } from './lookup.ts';
export type { AttachmentRow } from './repository.ts';
export { attachmentRoutes } from './routes.ts';
export { copyReportEvidence } from './service.ts';
export type { Storage, Upload } from './service.ts';
export { cleanFileName, newStorageKey, receiveUpload, removeTempFile } from './storage.ts';
