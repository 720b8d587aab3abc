import { Form, Select, type FormRule } from 'antd';
import { grantableRoles, type Role } from '@chuangcheng/core';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { RegionRef } from '../../api/types.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';

interface Props {
  /** The rule of each field, from the request the form sends. */
  rules: { role?: FormRule; regionCode: FormRule };
  /** The role the user holds now: listed (disabled) even when the signed-in administrator may not grant it. */
  currentRole?: Role;
  /** The user's region and org unit, so the selects can name them before a search. */
  known?: { region: RegionRef; orgUnit: { id: string; name: string } | null };
  /** The test ids `user-role`, `user-region` and `user-org-unit`. */
  testIds?: boolean;
}

/**
 * The role, region and org unit of a user account, as the create and edit forms ask for them: the
 * roles are those the signed-in administrator may grant, and the org units are searched within the
 * region the form holds.
 */
export function UserScopeFields({ rules, currentRole, known, testIds = false }: Props) {
  const t = useT();
  const me = useMe();
  const form = Form.useFormInstance();
  const regionCode = Form.useWatch<string | undefined>('regionCode', form);
  const roles = grantableRoles(me.role);
  const listed = currentRole && !roles.includes(currentRole) ? [currentRole, ...roles] : roles;
  const testId = (name: string) => (testIds ? `user-${name}` : undefined);

  return (
    <>
      <Form.Item name="role" label={t('users.role')} rules={rules.role ? [rules.role] : undefined}>
        <Select
          options={listed.map((role) => ({ value: role, label: t(`role.${role}`), disabled: !roles.includes(role) }))}
          data-testid={testId('role')}
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('users.scope')} rules={[rules.regionCode]}>
        <RegionSelect known={known ? [known.region] : undefined} testId={testId('region')} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('users.orgUnit')}>
        <OrgUnitSelect regionCode={regionCode} known={known?.orgUnit} testId={testId('org-unit')} />
      </Form.Item>
    </>
  );
}
