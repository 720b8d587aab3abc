import { message, NoticePrefix, NoticePrefixList, NoticePrefixRequest, OrgUnitPathParams } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { ConfigError } from '../../config.ts';
import { authorize, requireActor } from '../auth/index.ts';
import { listNoticePrefixes, setNoticePrefix } from './office-settings.ts';
import { supervisionPolicy } from './policy.ts';
import { findUnit } from './units.ts';

/**
 * The 督办单 number prefix of an issuing office (decision 0081), for the admin page (decision 0144):
 * read by whoever reads supervision, set by an administrator whose scope holds the office.
 */
export async function officePrefixRoutes(app: App, deps: ModuleDeps) {
  const tags = ['supervision'];
  app.get(
    '/supervision/office-prefixes',
    {
      schema: {
        tags,
        summary: "Issuing offices' 督办单 number prefixes",
        response: { 200: NoticePrefixList },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'supervision.read');
      return { items: await listNoticePrefixes(deps.db) };
    },
  );
  app.put(
    '/supervision/office-prefixes/:orgUnitId',
    {
      schema: {
        tags,
        summary: "Set an office's 督办单 number prefix (e.g. 黑文明督)",
        params: OrgUnitPathParams,
        body: NoticePrefixRequest,
        response: { 200: NoticePrefix },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await findUnit(deps.db, request.params.orgUnitId);
      if (!unit) throw notFound('orgUnit', request.params.orgUnitId);
      supervisionPolicy.canWriteFor(actor, unit.region_path);
      try {
        const set = await setNoticePrefix(deps.db, unit.id, request.body.prefix);
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
