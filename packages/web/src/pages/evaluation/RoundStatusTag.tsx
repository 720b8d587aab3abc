import { Tag } from 'antd';
import type { RoundStatus } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { roundStatusColours, roundStatusKeys } from './labels.ts';

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const t = useT();
  return (
    <Tag color={roundStatusColours[status]} data-status={status}>
      {t(roundStatusKeys[status])}
    </Tag>
  );
}
