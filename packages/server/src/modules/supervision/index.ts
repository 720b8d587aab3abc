// The supervision module's public face: what other modules and the app may use. Everything else is private.
export { myActionItems } from './action-items.ts';
export { escalateOverdueNotices } from './notice-actions.ts';
export { noticeLookup, supervisionLookup } from './lookup.ts';
export { listNotices } from './notices.ts';
export type { NewNotification } from './notification-repository.ts';
export { listNoticePrefixes, setNoticePrefix } from './office-settings.ts';
export { supervisionRoutes } from './routes.ts';
export { caseNotificationSubscriber, noticeChainSubscriber } from './subscribers.ts';
export { todayInChina } from './units.ts';
export { findIssuingOffice } from './units.ts';
export { checkInstructionAttachment, listInstructions } from './instructions.ts';
export { instructionSubscriber } from './subscribers.ts';
export { insertReminders } from './notifications.ts';
export { configureSms, smsSenderFor } from './sms.ts';
export { smsReminderSubscriber } from './sms-subscriber.ts';
