import { message, NoticePrefix, NoticePrefixList, NoticePrefixRequest, OrgUnitPathParams } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { ConfigError } from '../../config.ts';
import { authorize } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
import { listNoticePrefixes, setNoticePrefix } from './office-settings.ts';
import { supervisionPolicy } from './policy.ts';
import { findUnit } from './units.ts';

/**
 * The 督办单 number prefix of an issuing office (decision 0081), for the admin page (decision 0144):
 * read by whoever reads supervision, set by an administrator whose scope holds the office.
 */
export async function officePrefixRoutes(app: App, deps: ModuleDeps) {
  const route = actorRoutes(app, ['supervision']);
  route.get(
    '/supervision/office-prefixes',
    { summary: "Issuing offices' 督办单 number prefixes", response: NoticePrefixList },
    async ({ actor }) => {
      authorize(actor, 'supervision.read');
      return { items: await listNoticePrefixes(deps.db) };
    },
  );
  route.put(
    '/supervision/office-prefixes/:orgUnitId',
    {
      summary: "Set an office's 督办单 number prefix (e.g. 黑文明督)",
      params: OrgUnitPathParams,
      body: NoticePrefixRequest,
      response: NoticePrefix,
    },
    async ({ actor, params, body }) => {
      const unit = await findUnit(deps.db, params.orgUnitId);
      if (!unit) throw notFound('orgUnit', params.orgUnitId);
      supervisionPolicy.canWriteFor(actor, unit.region_path);
      try {
        const set = await setNoticePrefix(deps.db, unit.id, body.prefix);
        return { orgUnitId: set.orgUnitId, name: set.name, prefix: set.prefix };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        if (error.message.includes('numbers would clash')) {
          throw conflict(message('field.prefixTaken'), [
            { field: 'body.prefix', message: message('field.prefixTaken') },
          ]);
        }
        throw invalid([{ field: 'body.prefix', message: message('field.prefixForm') }]);
      }
    },
  );
}
