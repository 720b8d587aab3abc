import { cockpitSubscriber } from '../modules/cockpit/index.ts';
import {
  caseNotificationSubscriber,
  instructionSubscriber,
  noticeChainSubscriber,
  smsReminderSubscriber,
} from '../modules/supervision/index.ts';
import { roundCacheSubscriber } from '../modules/evaluation/index.ts';
import { caseStatsSubscriber } from '../modules/cases/index.ts';
import type { Subscriber } from './subscriber.ts';

/** Every subscriber, each defined by the module it belongs to. Add a module's subscribers here. */
export const subscribers: readonly Subscriber[] = [
  cockpitSubscriber,
  caseNotificationSubscriber,
  noticeChainSubscriber,
  instructionSubscriber,
  smsReminderSubscriber,
  roundCacheSubscriber,
  caseStatsSubscriber,
];
