import { OrgUnitPathParams, SmsContacts, SmsContactsRequest } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
import { supervisionPolicy } from './policy.ts';
import { maskPhone, setSmsContacts, smsContacts } from './sms.ts';
import { findUnit } from './units.ts';

/**
 * The mobile numbers a unit's supervision reminders are texted to (decision 0143): kept sealed as
 * personal data and shown masked (138****8000). Set by an administrator whose scope holds the
 * unit, or by the unit's own officer; every change writes an audit row (the count, not the numbers).
 */
export async function smsContactRoutes(app: App, deps: ModuleDeps) {
  const unitFor = async (actor: Actor, orgUnitId: string) => {
    const unit = await findUnit(deps.db, orgUnitId);
    if (!unit) throw notFound('orgUnit', orgUnitId);
    supervisionPolicy.canManageSmsContacts(actor, { id: unit.id, regionPath: unit.region_path });
    return unit;
  };
  const present = async (unit: { id: string; name: string }) => ({
    orgUnitId: unit.id,
    name: unit.name,
    phones: (await smsContacts(deps.db, deps.personalData, unit.id)).map((c) => maskPhone(c.phone)),
  });

  const route = actorRoutes(app, ['supervision']);
  route.get(
    '/supervision/sms-contacts/:orgUnitId',
    {
      summary: "The mobile numbers a unit's reminders are texted to (masked)",
      params: OrgUnitPathParams,
      response: SmsContacts,
    },
    async ({ actor, params }) => present(await unitFor(actor, params.orgUnitId)),
  );
  route.put(
    '/supervision/sms-contacts/:orgUnitId',
    {
      summary: "Replace the mobile numbers a unit's reminders are texted to (at most 10; [] stops texting)",
      params: OrgUnitPathParams,
      body: SmsContactsRequest,
      response: SmsContacts,
    },
    async ({ actor, ctx, params, body: { phones } }) => {
      const unit = await unitFor(actor, params.orgUnitId);
      await setSmsContacts(deps.db, deps.personalData, unit.id, phones, (trx) =>
        recordAudit(trx, ctx, {
          action: 'sms.contacts',
          entityType: 'org_unit',
          entityId: unit.id,
          regionCode: unit.region_code,
          prefectureCode: unit.prefecture_code,
          after: { numbers: new Set(phones).size },
        }),
      );
      return present(unit);
    },
  );
}
