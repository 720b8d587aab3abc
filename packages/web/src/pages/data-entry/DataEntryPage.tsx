import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Row, Space, Table, Tabs, Typography } from 'antd';
import type { EntryListItem } from '@chuangcheng/core';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EntryForm } from './EntryForm.tsx';
import { entryColumns } from './EntryParts.tsx';
import { ExcelImport } from './ExcelImport.tsx';
import { DataSetPeriodPicker, useEntrySelection } from './EntrySelection.tsx';
import { useEntry } from '../indicators/api.ts';

/**
 * 数据填报: pick a data set and a period; the reporting regions in the account's scope are listed
 * with the state of their entry; pick one to fill its form, or fill the Excel template for all.
 */
export default function DataEntryPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const selection = useEntrySelection(params);
  const { dataSet, period, list, items } = selection;
  const regionCode = params.get('region') ?? (items.length === 1 ? items[0]!.region.code : null);
  const entry = useEntry(
    dataSet && period && regionCode && items.some((item) => item.region.code === regionCode)
      ? { dataSet: dataSet.code, region: regionCode, period }
      : null,
  );

  const setParam = (values: Record<string, string | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [name, value] of Object.entries(values)) {
        if (value === null) next.delete(name);
        else next.set(name, value);
      }
      return next;
    });

  const columns = entryColumns(t, (row) => row.region.name, { status: 100, filled: 70 });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="data-entry">
      <Card size="small" title={t('indicator.entry.title')}>
        <Space wrap>
          <DataSetPeriodPicker
            selection={selection}
            onDataSet={(code) => setParam({ set: code, region: null })}
            onPeriod={(value) => setParam({ period: value })}
            testId="entry"
          />
          {list.data && (
            <Typography.Text type="secondary">
              {t('indicator.entry.counts', {
                submitted: (list.data.counts.submitted ?? 0) + (list.data.counts.approved_city ?? 0),
                approved: list.data.counts.approved_province ?? 0,
                total: items.length,
              })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {!dataSet || !period ? (
        <Empty />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={9}>
            <Card size="small" title={t('indicator.entry.regions')}>
              <Table<EntryListItem>
                rowKey={(row) => row.region.code}
                size="small"
                columns={columns}
                dataSource={items}
                loading={list.loading}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                rowSelection={{
                  type: 'radio',
                  selectedRowKeys: regionCode ? [regionCode] : [],
                  onChange: (keys) => setParam({ region: String(keys[0]) }),
                }}
                onRow={(row) => ({ onClick: () => setParam({ region: row.region.code }) })}
                data-testid="entry-regions"
              />
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card size="small">
              <Tabs
                items={[
                  {
                    key: 'form',
                    label: t('indicator.entry.formTab'),
                    children: !regionCode ? (
                      <Empty description={t('indicator.entry.pickRegion')} />
                    ) : entry.data &&
                      entry.data.dataSet.code === dataSet.code &&
                      entry.data.region.code === regionCode &&
                      entry.data.period === period ? (
                      <EntryForm
                        key={`${dataSet.code}/${regionCode}/${period}/${entry.data.status}/${entry.data.history.length}`}
                        dataSet={dataSet}
                        entry={entry.data}
                        onChanged={(next) => {
                          entry.replace(next);
                          list.reload();
                        }}
                      />
                    ) : (
                      <Card loading size="small" />
                    ),
                  },
                  {
                    key: 'excel',
                    label: t('indicator.entry.excelTab'),
                    children: (
                      <ExcelImport
                        dataSet={dataSet}
                        regionCode={me.regionCode}
                        period={period}
                        onImported={() => {
                          list.reload();
                          entry.reload();
                        }}
                      />
                    ),
                  },
                ]}
                data-testid="entry-tabs"
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
