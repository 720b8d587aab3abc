import { zhCN } from '../../i18n/catalogues.ts';
import type { MessageKey, Translate } from '../../i18n/I18nProvider.tsx';

const isKey = (key: string): key is MessageKey => key in zhCN;

/** Catalogue key of an audit action's label (`session.create` → 登录), if it has one. */
function auditActionKey(action: string): MessageKey | undefined {
  const key = `audit.action.${action}`;
  return isKey(key) ? key : undefined;
}

/** Catalogue key of an audited entity type's label (`org_unit` → 责任单位), if it has one. */
function auditEntityKey(entityType: string): MessageKey | undefined {
  const key = `audit.entity.${entityType}`;
  return isKey(key) ? key : undefined;
}

/** An action as a person reads it; a code without a label says so rather than passing for a word. */
export function auditActionLabel(action: string, t: Translate): string {
  const key = auditActionKey(action);
  return key ? t(key) : t('audit.unknownAction', { code: action });
}

export function auditEntityLabel(entityType: string, t: Translate): string {
  const key = auditEntityKey(entityType);
  return key ? t(key) : entityType;
}

/** Every action with a label, for the filter's choices. */
export const labelledAuditActions = Object.keys(zhCN)
  .filter((key) => key.startsWith('audit.action.'))
  .map((key) => key.slice('audit.action.'.length));

/** Every entity type with a label, for the filter's choices. */
export const labelledAuditEntities = Object.keys(zhCN)
  .filter((key) => key.startsWith('audit.entity.'))
  .map((key) => key.slice('audit.entity.'.length));
