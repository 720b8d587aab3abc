import type {
  Board,
  InstructionDetail,
  Ledger,
  LedgerQuery,
  MeetingDetail,
  Notice,
  NoticePrefixList,
  NotificationList,
} from '@chuangcheng/core';
import type { z } from 'zod';
import { withQuery } from '../../api/client.ts';
import { useApiQuery, type ApiQuery, type ApiQueryOptions } from '../../api/useApiQuery.ts';

/**
 * The supervision module's reads (notices, meetings, instructions, office prefixes, notifications)
 * and the plan-wide ledger and board, typed by the core schemas the server answers with. Each is a
 * cached query keyed by its URL; nothing is asked while the id it needs is null.
 */

const segment = encodeURIComponent;
const planBase = (code: string) => `/api/v1/plans/${segment(code)}`;

export function useNotice(id: string | null): ApiQuery<Notice> {
  return useApiQuery(id ? `/api/v1/notices/${segment(id)}` : null);
}

export function useMeeting(id: string | null, options?: ApiQueryOptions): ApiQuery<MeetingDetail> {
  return useApiQuery(id ? `/api/v1/meetings/${segment(id)}` : null, options);
}

export function useInstruction(id: string | null): ApiQuery<InstructionDetail> {
  return useApiQuery(id ? `/api/v1/supervision/instructions/${segment(id)}` : null);
}

export function useOfficePrefixes(): ApiQuery<z.infer<typeof NoticePrefixList>> {
  return useApiQuery('/api/v1/supervision/office-prefixes');
}

/** The latest notifications of the person's organisation (nothing while `enabled` is false). */
export function useNotifications(enabled: boolean, options?: ApiQueryOptions): ApiQuery<NotificationList> {
  return useApiQuery(enabled ? '/api/v1/notifications?limit=20' : null, options);
}

/** A plan's 台账, filtered as the query says (nothing while `planCode` is null). */
export function useLedger(
  planCode: string | null | undefined,
  /** The ledger's filters as the page holds them (strings from its URL); empty ones are left out. */
  filters: Partial<Record<keyof LedgerQuery, string>>,
  options?: ApiQueryOptions,
): ApiQuery<Ledger> {
  return useApiQuery(planCode ? withQuery(`${planBase(planCode)}/ledger`, filters) : null, options);
}

/** A plan's 督查看板 on a day (nothing while `planCode` is null). */
export function useBoard(
  planCode: string | null,
  asOf: string | undefined,
  options?: ApiQueryOptions,
): ApiQuery<Board> {
  return useApiQuery(planCode ? withQuery(`${planBase(planCode)}/board`, { asOf }) : null, options);
}
