import { Link, useParams } from 'react-router';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { CityGroup, FrameworkSummary } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { FrameworkView } from './FrameworkView.tsx';
import { cityGroupKeys } from './labels.ts';
import { useFrameworks } from './api.ts';

/** 测评体系: `/evaluation/frameworks` lists the editions; `/evaluation/frameworks/<id>` opens one. */
export default function FrameworksPage() {
  const { id } = useParams();
  if (id) return <FrameworkView id={id} />;
  return <FrameworkList />;
}

function FrameworkList() {
  const t = useT();
  const { data, loading } = useFrameworks();

  const columns: TableColumnsType<FrameworkSummary> = [
    {
      title: t('evaluation.framework.name'),
      dataIndex: 'name',
      render: (name: string, framework) => (
        <Space wrap>
          <Link to={`/evaluation/frameworks/${framework.id}`} data-testid={`framework-open-${framework.edition}`}>
            {name}
          </Link>
          {framework.isModel && <Tag color="orange">{t('evaluation.framework.modelTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('evaluation.framework.edition'), dataIndex: 'edition', width: 220 },
    {
      title: t('evaluation.framework.cityGroups'),
      dataIndex: 'cityGroups',
      width: 260,
      render: (groups: CityGroup[]) => groups.map((group) => <Tag key={group}>{t(cityGroupKeys[group])}</Tag>),
    },
    { title: t('evaluation.framework.version'), dataIndex: 'version', width: 80, align: 'center' },
    { title: t('evaluation.framework.standardCount'), dataIndex: 'standardCount', width: 100, align: 'right' },
    { title: t('evaluation.framework.updatedAt'), dataIndex: 'updatedAt', width: 160, render: formatTime },
  ];

  return (
    <Card
      title={t('evaluation.nav.frameworks')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href="/api/v1/evaluation/frameworks/template.xlsx"
          data-testid="framework-template"
        >
          {t('evaluation.framework.template')}
        </Button>
      }
    >
      <Table<FrameworkSummary>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('evaluation.framework.none') }}
        data-testid="framework-table"
      />
    </Card>
  );
}
