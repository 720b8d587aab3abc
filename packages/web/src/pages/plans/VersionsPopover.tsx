import { useState } from 'react';
import { Popover, Spin, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { PlanVersion } from '@chuangcheng/core';
import { usePlanVersions } from './api.ts';

interface Props {
  planCode: string;
  currentVersion: number;
}

/** The current version as a tag; hovering or clicking it lists every import of the plan. */
export function VersionsPopover({ planCode, currentVersion }: Props) {
  const t = useT();
  // Asked for the first time the popover opens, then held by the query cache.
  const [opened, setOpened] = useState(false);
  const versions = usePlanVersions(planCode, opened).data?.items ?? null;
  const load = (open: boolean) => {
    if (open) setOpened(true);
  };

  const columns: TableColumnsType<PlanVersion> = [
    { title: t('plans.versions.version'), dataIndex: 'version', width: 60 },
    { title: t('plans.versions.source'), dataIndex: 'sourceName' },
    {
      title: t('plans.versions.importedAt'),
      dataIndex: 'importedAt',
      render: (at: string) => new Date(at).toLocaleString(),
    },
    { title: t('plans.versions.importedBy'), dataIndex: 'importedBy' },
    {
      title: t('plans.versions.checksum'),
      dataIndex: 'checksum',
      render: (checksum: string) => (
        <Tooltip title={checksum}>
          <code>{checksum.slice(0, 12)}</code>
        </Tooltip>
      ),
    },
  ];

  return (
    <Popover
      trigger={['hover', 'click']}
      placement="bottomRight"
      title={t('plans.versions.title')}
      onOpenChange={load}
      content={
        versions ? (
          <Table<PlanVersion>
            rowKey="version"
            size="small"
            columns={columns}
            dataSource={versions}
            pagination={false}
            data-testid="plan-versions"
          />
        ) : (
          <Spin size="small" />
        )
      }
    >
      <Tag icon={<HistoryOutlined />} color="blue" style={{ cursor: 'pointer' }} data-testid="plan-version">
        {t('plans.versions.current', { version: currentVersion })}
      </Tag>
    </Popover>
  );
}
