import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@chuangcheng/core';
import { useCan } from './use-can.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** Hiding a menu entry is not enough: a typed-in URL must not render the page either. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  const t = useT();
  if (!allowed) return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbidden')} />;
  return <>{children}</>;
}
