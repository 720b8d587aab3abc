import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTablePage } from '../../api/useTablePage.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList, RecordDrawer } from '../../components/RecordDrawer.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { AttachmentUpload } from '../supervision/AttachmentUpload.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { FileLinks } from './FileLinks.tsx';
import { effectColours, effectKeys } from './labels.ts';
import { RecordIncidentModal } from './RecordIncidentModal.tsx';
import { formatPoints } from './score-format.ts';
import type { IncidentEffect, IncidentView } from './types.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { CreateButton } from '../../components/CreateButton.tsx';

/** 负面清单事件: incidents recorded against regions, each with the effects the negative list gave it. */
export default function IncidentsPage() {
  const t = useT();
  const mayWrite = useCan('incident.write');
  const [params, setParams] = useSearchParams();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [recording, setRecording] = useState(false);
  const openId = params.get('id');
  const { table, reload, exportHref } = useTablePage<IncidentView>('/api/v1/evaluation/incidents', { regionCode });

  const columns: TableColumnsType<IncidentView> = [
    { title: t('evaluation.incident.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    { title: t('regions.name'), dataIndex: 'regionName', width: 130 },
    {
      title: t('evaluation.incident.category'),
      key: 'category',
      width: 240,
      render: (_, incident) => `${incident.category} ${incident.categoryName}`,
    },
    {
      title: t('evaluation.incident.title'),
      dataIndex: 'title',
      render: (title: string, incident) => (
        <a onClick={() => setParams({ id: incident.id })} data-testid={`incident-open-${incident.id}`}>
          {title}
        </a>
      ),
    },
    {
      title: t('evaluation.incident.effects'),
      key: 'effects',
      width: 300,
      render: (_, incident) => <EffectTags effects={incident.effects} />,
    },
  ];

  return (
    <Card
      title={t('evaluation.nav.incidents')}
      extra={
        <Space>
          <ExportButton href={exportHref} testId="incidents-export" />
          {mayWrite && (
            <CreateButton onClick={() => setRecording(true)} testId="incident-record">
              {t('evaluation.incident.record')}
            </CreateButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <RegionSelect
            value={regionCode}
            onChange={(value) => setRegionCode(typeof value === 'string' && value ? value : undefined)}
            placeholder={t('evaluation.incident.allRegions')}
            aria-label={t('a11y.incidents.filterRegion')}
          />
        </div>
      </Space>
      <Table<IncidentView>
        rowKey="id"
        columns={columns}
        {...table}
        locale={{ emptyText: t('evaluation.incident.none') }}
        data-testid="incident-table"
      />
      <RecordIncidentModal
        open={recording}
        onClose={() => setRecording(false)}
        onRecorded={(incident) => {
          setRecording(false);
          reload();
          setParams({ id: incident.id });
        }}
      />
      <IncidentDrawer id={openId} mayWrite={mayWrite} onClose={() => setParams({})} onChanged={reload} />
    </Card>
  );
}

function EffectTags({ effects }: { effects: IncidentEffect[] }) {
  const t = useT();
  if (effects.length === 0)
    return <Typography.Text type="secondary">{t('evaluation.incident.noEffect')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {effects.map((effect, index) => (
        <Tag key={index} color={effectColours[effect.effect]} title={effect.explanation}>
          {t(effectKeys[effect.effect])}
          {effect.points !== null && ` ${formatPoints(effect.points)}`}
        </Tag>
      ))}
    </Space>
  );
}

function IncidentDrawer({
  id,
  mayWrite,
  onClose,
  onChanged,
}: {
  id: string | null;
  mayWrite: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { data: incident, reload } = useApiQuery<IncidentView>(id ? `/api/v1/evaluation/incidents/${id}` : null);
  const current = incident && incident.id === id ? incident : null;

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      size={640}
      record={current}
      title={(current) => current.title}
      testId="incident-drawer"
    >
      {(current) => (
        <>
          <FactList
            labelWidth={110}
            items={[
              {
                key: 'region',
                label: t('regions.name'),
                children: <Link to={`/evaluation/titles?region=${current.regionCode}`}>{current.regionName}</Link>,
              },
              {
                key: 'category',
                label: t('evaluation.incident.category'),
                children: `${current.category} ${current.categoryName}`,
              },
              { key: 'date', label: t('evaluation.incident.occurredOn'), children: current.occurredOn },
              { key: 'description', label: t('evaluation.incident.description'), children: current.description },
              {
                key: 'recorded',
                label: t('evaluation.incident.recordedBy'),
                children: `${current.recordedBy} ${formatTime(current.recordedAt)}`,
              },
              {
                key: 'files',
                label: t('evaluation.incident.evidence'),
                children: (
                  <Space orientation="vertical">
                    <FileLinks files={current.attachments} testId="incident-files" />
                    {mayWrite && (
                      <AttachmentUpload
                        url={`/api/v1/evaluation/incidents/${current.id}/attachments`}
                        onUploaded={() => {
                          reload();
                          onChanged();
                        }}
                        testId="incident-upload"
                      />
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <div data-testid="incident-effects">
            <Typography.Title level={5}>{t('evaluation.incident.effects')}</Typography.Title>
            {current.effects.length === 0 && (
              <Typography.Text type="secondary">{t('evaluation.incident.noEffect')}</Typography.Text>
            )}
            {current.effects.map((effect, index) => (
              <div key={index} style={{ marginBottom: 8 }}>
                <Tag color={effectColours[effect.effect]}>{t(effectKeys[effect.effect])}</Tag>
                <Typography.Text strong>{effect.label}</Typography.Text>
                {effect.points !== null && ` · ${t('evaluation.points', { points: formatPoints(effect.points) })}`}
                <div>
                  <Typography.Text type="secondary">{effect.explanation}</Typography.Text>
                </div>
              </div>
            ))}
          </div>
        </>
      )}
    </RecordDrawer>
  );
}
