import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Col, Descriptions, Result, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { NegativeListEntry } from '@chuangcheng/core';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { CopyFrameworkModal } from './CopyFrameworkModal.tsx';
import { FrameworkTree } from './FrameworkTree.tsx';
import { ImportFrameworkModal } from './ImportFrameworkModal.tsx';
import { cityGroupKeys, effectKeys, methodKeys } from './labels.ts';
import { ModelBanner } from './ModelBanner.tsx';
import { NodeDetail } from './NodeDetail.tsx';
import { parseNodeKey } from './framework-tree.ts';
import { formatPoints } from './score-format.ts';
import type { FrameworkVersion } from './types.ts';
import { useFramework } from './api.ts';

/** One framework edition: its settings, the tree of standards, the negative list and the version history. */
export function FrameworkView({ id }: { id: string }) {
  const t = useT();
  const mayManage = useCan('evaluation.manage');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: framework, failed, reload, replace } = useFramework(id);
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState(false);
  const selected = parseNodeKey(params.get('node') ?? '');

  if (failed && !framework) return <Result status="warning" title={t('evaluation.framework.loadFailed')} />;
  if (!framework || framework.id !== id) return <Card loading />;
  const document = framework.document;

  const negativeColumns = [
    { title: t('evaluation.negative.code'), dataIndex: 'code', width: 90 },
    {
      title: t('evaluation.negative.name'),
      key: 'name',
      render: (_: unknown, entry: NegativeListEntry) => (
        <div>
          {entry.name}
          {entry.source && (
            <div>
              <Typography.Text type="secondary">
                {t('evaluation.negative.source')}：{entry.source}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('evaluation.negative.effects'),
      key: 'effects',
      render: (_: unknown, entry: NegativeListEntry) => (
        <Space orientation="vertical" size={2}>
          {entry.effects.map((effect, index) => (
            <span key={index}>
              <Tag>{t(`evaluation.effectTarget.${effect.appliesTo}`)}</Tag>
              {t(effectKeys[effect.effect])}
              {effect.points !== undefined && ` ${t('evaluation.points', { points: formatPoints(effect.points) })}`}
              {effect.months !== undefined && ` ${t('evaluation.months', { months: effect.months })}`}
              {effect.window && (
                <Typography.Text type="secondary">
                  {' '}
                  {t(`evaluation.window.${effect.window.before}`, { months: effect.window.months })}
                </Typography.Text>
              )}
            </span>
          ))}
        </Space>
      ),
    },
  ];

  const versionColumns = [
    { title: t('evaluation.framework.version'), dataIndex: 'version', width: 70, align: 'center' as const },
    { title: t('evaluation.framework.note'), dataIndex: 'note' },
    {
      title: t('evaluation.framework.changes'),
      key: 'changes',
      width: 220,
      render: (_: unknown, version: FrameworkVersion) =>
        t('evaluation.framework.changeCounts', {
          added: version.changes.added,
          removed: version.changes.removed,
          changed: version.changes.changed,
        }),
    },
    { title: t('evaluation.framework.by'), dataIndex: 'createdBy', width: 140 },
    { title: t('evaluation.framework.at'), dataIndex: 'createdAt', width: 150, render: formatTime },
    {
      title: 'SHA-256',
      dataIndex: 'checksum',
      width: 120,
      render: (sum: string) => <span title={sum}>{sum.slice(0, 10)}…</span>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="framework-view">
      {document.isModel && <ModelBanner notice={document.notice} />}
      <Card
        title={
          <Space wrap>
            <Link to="/evaluation/frameworks">{t('evaluation.nav.frameworks')}</Link>
            <span>/</span>
            <span data-testid="framework-name">{framework.name}</span>
            <Tag color="blue" data-testid="framework-version">
              {t('evaluation.framework.versionTag', { version: framework.version })}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href="/api/v1/evaluation/frameworks/template.xlsx">
              {t('evaluation.framework.template')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={`/api/v1/evaluation/frameworks/${framework.id}/export.xlsx`}
              data-testid="framework-export"
            >
              {t('evaluation.framework.export')}
            </Button>
            {mayManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="framework-import">
                {t('evaluation.framework.import')}
              </Button>
            )}
            {mayManage && (
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="framework-copy">
                {t('evaluation.framework.copy')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'edition', label: t('evaluation.framework.edition'), children: framework.edition },
            {
              key: 'groups',
              label: t('evaluation.framework.cityGroups'),
              children: document.cityGroups.map((group) => t(cityGroupKeys[group])).join('、'),
            },
            {
              key: 'count',
              label: t('evaluation.framework.standardCount'),
              children: framework.standardCount,
            },
            {
              key: 'methods',
              label: t('evaluation.framework.methodGroups'),
              children: document.methodGroups
                .map(
                  (group) =>
                    `${group.name} ${formatPoints(group.weight)}（${group.methods.map((m) => t(methodKeys[m])).join('、')}）`,
                )
                .join('；'),
            },
            {
              key: 'annual',
              label: t('evaluation.framework.annual'),
              children: t('evaluation.framework.annualWeights', {
                routine: `${Math.round(document.annual.routine * 100)}%`,
                yearEnd: `${Math.round(document.annual.yearEnd * 100)}%`,
              }),
            },
            {
              key: 'cycle',
              label: t('evaluation.framework.cycle'),
              children: t('evaluation.framework.cycleWeights', {
                years: document.cycle.years,
                weights: document.cycle.yearWeights.map((w) => `${Math.round(w * 100)}%`).join(' / '),
              }),
            },
            {
              key: 'minors',
              label: t('evaluation.framework.minors'),
              children: document.minors
                ? t('evaluation.framework.minorsGate', {
                    max: formatPoints(document.minors.max),
                    gate: formatPoints(document.minors.gateMin),
                    share: `${Math.round(document.minors.share * 100)}%`,
                  })
                : '—',
            },
            {
              key: 'thresholds',
              label: t('evaluation.framework.thresholds'),
              children:
                document.thresholds.length === 0
                  ? '—'
                  : document.thresholds
                      .map((threshold) =>
                        t('evaluation.framework.threshold', { below: threshold.below, label: threshold.label }),
                      )
                      .join('；'),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'tree',
              label: t('evaluation.framework.tab.tree'),
              children: (
                <Row gutter={16}>
                  <Col xs={24} lg={11}>
                    <FrameworkTree
                      document={document}
                      selected={selected}
                      onSelect={(key) => setParams({ node: key }, { replace: true })}
                    />
                  </Col>
                  <Col xs={24} lg={13}>
                    <NodeDetail framework={framework} selected={selected} onSaved={replace} />
                  </Col>
                </Row>
              ),
            },
            {
              key: 'negative',
              label: t('evaluation.framework.tab.negative'),
              children: (
                <Table<NegativeListEntry>
                  rowKey="code"
                  size="small"
                  columns={negativeColumns}
                  dataSource={document.negativeList}
                  pagination={false}
                  data-testid="framework-negative-list"
                />
              ),
            },
            {
              key: 'sites',
              label: t('evaluation.framework.tab.sites'),
              children: (
                <Space size={[4, 8]} wrap>
                  {document.siteTypes.map((site) => (
                    <Tag key={site.code} title={site.code}>
                      {site.name}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'versions',
              label: t('evaluation.framework.tab.versions'),
              children: (
                <Table<FrameworkVersion>
                  rowKey="version"
                  size="small"
                  columns={versionColumns}
                  dataSource={[...framework.versions].sort((a, b) => b.version - a.version)}
                  pagination={false}
                  data-testid="framework-versions"
                />
              ),
            },
          ]}
        />
      </Card>
      <ImportFrameworkModal
        open={importing}
        framework={framework}
        onClose={() => setImporting(false)}
        onImported={reload}
      />
      <CopyFrameworkModal
        open={copying}
        framework={framework}
        onClose={() => setCopying(false)}
        onCopied={(copy) => {
          setCopying(false);
          void navigate(`/evaluation/frameworks/${copy.id}`);
        }}
      />
    </Space>
  );
}
