// The cases module's public face: what other modules and the app may use. Everything else is private.
export { importCaseData } from './data-import.ts';
export { escalateOverdueCases, escalateStages } from './escalations.ts';
export { caseExportRoutes } from './export-routes.ts';
export { fileCase, hashToken } from './intake.ts';
export { uploadCasePhoto } from './photos.ts';
export { sweepCaseLeftovers } from './sweeps.ts';
export { publishMonthlyStatistics } from './publish.ts';
export { listCases, PUBLIC_NOTE_KINDS } from './read.ts';
export { sealPlaintextReporterPhones } from './reporter-phone.ts';
export { caseLookup } from './lookup.ts';
export { caseRoutes } from './routes.ts';
export { workingCalendar } from './calendar.ts';
export { caseStatsSubscriber } from './subscribers.ts';
export { rebuildCaseStatistics } from './stats-rollup.ts';
