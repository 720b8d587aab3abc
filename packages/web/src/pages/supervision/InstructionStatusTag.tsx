import { Space, Tag } from 'antd';
import type { InstructionStatus } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';

const colour: Record<InstructionStatus, string> = {
  pending_sign: 'default',
  in_progress: 'processing',
  reported: 'purple',
  closed: 'success',
};

export const instructionStatuses: InstructionStatus[] = ['pending_sign', 'in_progress', 'reported', 'closed'];

/** The state of a 领导批示, with a red 逾期 mark when the reply date passed without a report. */
export function InstructionStatusTag({ status, overdue }: { status: InstructionStatus; overdue: boolean }) {
  const t = useT();
  return (
    <Space size={4}>
      <Tag color={colour[status]} data-status={status}>
        {t(`instructions.status.${status}`)}
      </Tag>
      {overdue && (
        <Tag color="red" variant="solid">
          {t('instructions.overdue')}
        </Tag>
      )}
    </Space>
  );
}
