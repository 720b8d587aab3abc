import type { Kysely } from 'kysely';
import { message } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/problem.ts';
import type { PersonalData } from '../personal-data/index.ts';
import { smsRepository } from './sms-repository.ts';

/** Sends one text message. `key` is the same on a resend of the same message (gateways dedupe by it). */
export type SmsSender = {
  name: string;
  send: (message: { to: string; text: string; key: string }) => Promise<void>;
};

/** A number shown in logs: 138****5678. */
export const maskPhone = (phone: string) => phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2');

/** The default: writes each message to the log (the number masked), for development and trials. */
export function consoleSmsSender(log: (line: string) => void = (line) => console.log(line)): SmsSender {
  return {
    name: 'console',
    async send({ to, text, key }) {
      log(`[sms] to ${maskPhone(to)} (${key}): ${text}`);
    },
  };
}

/**
 * An HTTP SMS gateway (CHUANGCHENG_SMS_GATEWAY_URL): POST {to, text, key} as JSON with an optional
 * bearer token; any answer other than 2xx fails the delivery, which the outbox retries.
 */
export function httpSmsSender(url: string, token?: string): SmsSender {
  return {
    name: 'http',
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** The sender the configuration names: the HTTP gateway when CHUANGCHENG_SMS_GATEWAY_URL is set, else the console. */
export function smsSenderFor(
  config: { smsGatewayUrl: string | undefined; smsGatewayToken: string | undefined },
  log?: (line: string) => void,
): SmsSender {
  return config.smsGatewayUrl ? httpSmsSender(config.smsGatewayUrl, config.smsGatewayToken) : consoleSmsSender(log);
}

/** The sender and the seal the SMS subscriber uses; set once when the app is built (decision 0143). */
let channel: { sender: SmsSender; personalData: () => PersonalData } | undefined;

/** `personalData` may be given lazily: a CLI command opens the key only if a reminder is texted. */
export function configureSms(sender: SmsSender, personalData: PersonalData | (() => PersonalData)) {
  let opened: PersonalData | undefined;
  channel = {
    sender,
    personalData: () => (opened ??= typeof personalData === 'function' ? personalData() : personalData),
  };
}

export function smsChannel(): { sender: SmsSender; personalData: PersonalData } {
  if (!channel) throw new Error('the SMS channel is not configured (configureSms)');
  return { sender: channel.sender, personalData: channel.personalData() };
}

const COLUMN = 'org_unit_sms_contact.phone_sealed';
const MOBILE = /^1[3-9]\d{9}$/;

/** Replaces the mobile numbers a unit's reminders are texted to; numbers are sealed (personal data). */
export async function setSmsContacts(
  db: Kysely<Database>,
  personalData: PersonalData,
  orgUnitId: string,
  phones: readonly string[],
  /** Runs in the same transaction after the numbers are written (the route's audit row). */
  written?: (trx: Kysely<Database>) => Promise<void>,
) {
  phones.forEach((phone, i) => {
    if (!MOBILE.test(phone)) throw invalid([{ field: `body.phones[${i}]`, message: message('field.mobilePhone') }]);
  });
  const rows = [...new Set(phones)].map((phone) => ({
    phone_index: personalData.blindIndex(phone, COLUMN),
    phone_sealed: personalData.seal(phone, COLUMN),
  }));
  await db.transaction().execute(async (trx) => {
    await smsRepository.replaceContacts(trx, orgUnitId, rows);
    await written?.(trx);
  });
}

/** The unit's numbers, opened, with their index (the delivery record's key). */
export async function smsContacts(db: Kysely<Database>, personalData: PersonalData, orgUnitId: string) {
  return openSmsContacts(await smsRepository.contacts(db, orgUnitId), personalData);
}

/** Sealed contact rows, opened, with their index (the delivery record's key). */
export function openSmsContacts(rows: { phone_index: string; phone_sealed: string }[], personalData: PersonalData) {
  return rows.map((r) => ({ index: r.phone_index, phone: personalData.open(r.phone_sealed, COLUMN) }));
}
