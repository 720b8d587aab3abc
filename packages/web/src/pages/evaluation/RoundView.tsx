import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Card,
  Descriptions,
  List,
  Result,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { BarChartOutlined, EditOutlined, FileExcelOutlined, FormOutlined, PrinterOutlined } from '@ant-design/icons';
import { RoundStatus, roundTransitions, type Assignment } from '@chuangcheng/core';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AssignmentsModal } from './AssignmentsModal.tsx';
import { cityGroupKeys, effectColours, effectKeys, methodKeys, roundKindKeys, roundStatusKeys } from './labels.ts';
import { ModelBanner } from './ModelBanner.tsx';
import { PublicationsCard } from './PublicationsCard.tsx';
import { RoundStatusTag } from './RoundStatusTag.tsx';
import { TransitionModal } from './TransitionModal.tsx';
import type { RoundEffectList, RoundRegionView } from './types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useRound } from './api.ts';

/** One round: its facts, the status moves with confirmation, the scorers per method and the regions. */
export function RoundView({ id }: { id: string }) {
  const t = useT();
  const mayManage = useCan('evaluation.manage');
  const mayScore = useCan('evaluation.score');
  const { data: round, failed, replace } = useRound(id);
  // What publishing did (criticism, suspensions), readable for as long as the round exists.
  const { data: effects } = useApiQuery<RoundEffectList>(
    round?.id === id && round.status === 'published' ? `/api/v1/evaluation/rounds/${round.id}/effects` : null,
  );
  const [moving, setMoving] = useState<RoundStatus | null>(null);
  const [assigning, setAssigning] = useState(false);

  if (failed && !round) return <Result status="warning" title={t('evaluation.round.loadFailed')} />;
  if (!round || round.id !== id) return <Card loading />;

  const regionNames = new Map(round.regions.map((region) => [region.code, region.name]));
  const base = `/evaluation/rounds/${round.id}`;

  const assignmentColumns: TableColumnsType<Assignment> = [
    { title: t('evaluation.assign.user'), dataIndex: 'displayName', width: 180 },
    {
      title: t('evaluation.assign.method'),
      dataIndex: 'method',
      width: 140,
      render: (m: Assignment['method']) => t(methodKeys[m]),
    },
    {
      title: t('evaluation.assign.regions'),
      dataIndex: 'regionCodes',
      render: (codes: string[]) =>
        codes.length === 0 ? (
          <Tag>{t('evaluation.assign.allRegions')}</Tag>
        ) : (
          codes.map((code) => <Tag key={code}>{regionNames.get(code) ?? code}</Tag>)
        ),
    },
  ];

  const regionColumns: TableColumnsType<RoundRegionView> = [
    { title: t('regions.code'), dataIndex: 'code', width: 110 },
    { title: t('regions.name'), dataIndex: 'name' },
    {
      title: t('evaluation.round.cityGroup'),
      dataIndex: 'cityGroup',
      width: 160,
      render: (group: RoundRegionView['cityGroup']) => t(cityGroupKeys[group]),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, region) => (
        <Space>
          {mayScore && round.status !== 'published' && (
            <Link to={`${base}/score?region=${region.code}`} data-testid={`round-score-${region.code}`}>
              {t('evaluation.round.score')}
            </Link>
          )}
          <Link to={`${base}/scorecards/${region.code}`} data-testid={`round-scorecard-${region.code}`}>
            {t('evaluation.round.scorecard')}
          </Link>
        </Space>
      ),
    },
  ];

  const stepIndex = RoundStatus.options.indexOf(round.status);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="round-view">
      {round.framework.isModel && <ModelBanner />}
      <Card
        title={
          <Space wrap>
            <Link to="/evaluation/rounds">{t('evaluation.nav.rounds')}</Link>
            <span>/</span>
            <span data-testid="round-title">{round.name}</span>
            <RoundStatusTag status={round.status} />
            {round.unannounced && <Tag color="geekblue">{t('evaluation.round.unannouncedTag')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {mayScore && round.status !== 'published' && (
              <Link to={`${base}/score`}>
                <Button icon={<FormOutlined />} data-testid="round-workbench">
                  {t('evaluation.round.workbench')}
                </Button>
              </Link>
            )}
            <Link to={`/evaluation/rankings?round=${round.id}`}>
              <Button icon={<BarChartOutlined />} data-testid="round-ranking">
                {t('evaluation.round.ranking')}
              </Button>
            </Link>
            <Button icon={<FileExcelOutlined />} href={`/api/v1/evaluation/rounds/${round.id}/results.xlsx`}>
              {t('evaluation.results.excel')}
            </Button>
            <Link to={`${base}/publication`}>
              <Button icon={<PrinterOutlined />}>{t('evaluation.results.print')}</Button>
            </Link>
          </Space>
        }
      >
        <Steps
          size="small"
          current={stepIndex}
          style={{ marginBottom: 20 }}
          items={RoundStatus.options.map((status) => ({ title: t(roundStatusKeys[status]) }))}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'kind', label: t('evaluation.round.kind'), children: t(roundKindKeys[round.kind]) },
            { key: 'year', label: t('evaluation.round.year'), children: round.year },
            {
              key: 'period',
              label: t('evaluation.round.period'),
              children: `${round.periodStart} ~ ${round.periodEnd}`,
            },
            { key: 'test', label: t('evaluation.round.testDate'), children: round.testDate },
            {
              key: 'framework',
              label: t('evaluation.round.framework'),
              children: (
                <Link to={`/evaluation/frameworks/${round.framework.id}`}>
                  {round.framework.name} v{round.framework.version}
                </Link>
              ),
            },
            { key: 'regions', label: t('evaluation.round.regionCount'), children: round.regions.length },
          ]}
        />
        {mayManage && roundTransitions[round.status].length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {roundTransitions[round.status].map((to) => {
              const forward = RoundStatus.options.indexOf(to) > stepIndex;
              return (
                <Button
                  key={to}
                  type={forward ? 'primary' : 'default'}
                  danger={to === 'published'}
                  onClick={() => setMoving(to)}
                  data-testid={`round-move-${to}`}
                >
                  {t(forward ? 'evaluation.round.moveTo' : 'evaluation.round.moveBack', {
                    status: t(roundStatusKeys[to]),
                  })}
                </Button>
              );
            })}
          </Space>
        )}
      </Card>
      {round.status === 'published' && round.publications.length > 0 && (
        <PublicationsCard round={round} mayManage={mayManage} onCorrected={replace} />
      )}
      {round.status === 'published' && effects && (
        <Card size="small" title={t('evaluation.round.publishedEffects')} data-testid="round-publish-outcome">
          {effects.items.length === 0 ? (
            <Typography.Text type="secondary">{t('evaluation.round.noEffects')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={effects.items}
              renderItem={(effect) => (
                <List.Item>
                  <Space wrap>
                    <Tag color={effectColours[effect.effect]}>{t(effectKeys[effect.effect])}</Tag>
                    <Link to={`/evaluation/titles?region=${effect.regionCode}`}>{effect.regionName}</Link>
                    <span>{effect.label}</span>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Card
        size="small"
        title={t('evaluation.assign.title')}
        extra={
          mayManage &&
          round.status !== 'published' && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setAssigning(true)} data-testid="round-assign">
              {t('evaluation.assign.edit')}
            </Button>
          )
        }
      >
        <Table<Assignment>
          rowKey={(row) => `${row.userId}:${row.method}`}
          size="small"
          columns={assignmentColumns}
          dataSource={round.assignments}
          pagination={false}
          locale={{ emptyText: t('evaluation.assign.none') }}
          data-testid="round-assignments"
        />
      </Card>
      <Card size="small" title={t('evaluation.round.regions')}>
        <Table<RoundRegionView>
          rowKey="code"
          size="small"
          columns={regionColumns}
          dataSource={round.regions}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="round-region-table"
        />
      </Card>
      <TransitionModal
        round={round}
        to={moving}
        onClose={() => setMoving(null)}
        onMoved={(next) => {
          setMoving(null);
          replace(next);
        }}
      />
      <AssignmentsModal
        open={assigning}
        round={round}
        onClose={() => setAssigning(false)}
        onSaved={(next) => {
          setAssigning(false);
          replace(next);
        }}
      />
    </Space>
  );
}
