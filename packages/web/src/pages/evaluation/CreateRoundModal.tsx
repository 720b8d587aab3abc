import { useEffect, useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { chinaDate, RoundKind, type CityGroup, type Region, type Round } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { cityGroupKeys, roundKindKeys } from './labels.ts';
import { addRegions, defaultCityGroup, type PickedRegion } from './round-regions.ts';
import { useFrameworks } from './api.ts';
import { useRequiredRules } from '../../components/form-rules.ts';

interface Values {
  name: string;
  kind: RoundKind;
  frameworkId: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  testDate: string;
  ownerRegionCode: string;
  unannounced: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (round: Round) => void;
}

/** A new round: kind, framework edition, period, and the regions with the group each is ranked in. */
export function CreateRoundModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const required = useRequiredRules();
  const me = useMe();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [regions, setRegions] = useState<PickedRegion[]>([]);
  const [adding, setAdding] = useState<string | undefined>();
  const [loadingChildren, setLoadingChildren] = useState(false);
  const frameworkId = Form.useWatch('frameworkId', form);
  const ownerRegionCode = Form.useWatch('ownerRegionCode', form);
  const { data: frameworks } = useFrameworks(open);
  const framework = frameworks?.items.find((item) => item.id === frameworkId);
  const allowedGroups: CityGroup[] = framework?.cityGroups ?? ['capital', 'prefecture', 'county', 'district'];

  useEffect(() => {
    if (!open) return;
    // The year of China's today, not the browser's (a UTC browser on 31 December after 16:00 is a year behind).
    const year = Number(chinaDate(new Date()).slice(0, 4));
    form.setFieldsValue({
      kind: 'year_end',
      year,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      testDate: `${year}-12-01`,
      ownerRegionCode: me.regionCode,
      unannounced: false,
    });
  }, [open, form, me.regionCode]);

  const close = () => {
    setRegions([]);
    onClose();
  };

  const pick = (items: Region[]) =>
    setRegions((current) =>
      addRegions(
        current,
        items.map((region) => ({
          code: region.code,
          name: region.name,
          level: region.level,
          cityGroup: defaultCityGroup(region, allowedGroups),
        })),
      ),
    );

  const addChildren = async () => {
    const owner = ownerRegionCode ?? me.regionCode;
    setLoadingChildren(true);
    try {
      const { items } = await api.get<Items<Region>>(withQuery('/api/v1/regions', { parent: owner }));
      pick(items);
    } catch (error) {
      showError(error);
    } finally {
      setLoadingChildren(false);
    }
  };

  const addOne = async (code: string) => {
    try {
      pick([await api.get<Region>(`/api/v1/regions/${encodeURIComponent(code)}`)]);
      setAdding(undefined);
    } catch (error) {
      showError(error);
    }
  };

  const submit = useFormSubmit(form, async (values) => {
    const round = await api.post<Round>('/api/v1/evaluation/rounds', {
      ...values,
      regions: regions.map((region) => ({ code: region.code, cityGroup: region.cityGroup })),
    });
    setRegions([]);
    onCreated(round);
  });

  return (
    <FormModal open={open} title={t('evaluation.round.create')} form={form} submit={submit} onClose={close} width={820}>
      <Form.Item name="name" label={t('evaluation.round.name')} rules={required.choice}>
        <Input maxLength={500} placeholder={t('evaluation.round.namePlaceholder')} data-testid="round-name" />
      </Form.Item>
      <Space wrap size="large" align="start">
        <Form.Item name="kind" label={t('evaluation.round.kind')} rules={required.choice}>
          <Select
            style={{ width: 160 }}
            options={RoundKind.options.map((kind) => ({ value: kind, label: t(roundKindKeys[kind]) }))}
            data-testid="round-kind"
          />
        </Form.Item>
        <Form.Item name="frameworkId" label={t('evaluation.round.framework')} rules={required.choice}>
          <Select
            style={{ width: 360 }}
            options={(frameworks?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.name}（${item.edition} v${item.version}）`,
            }))}
            data-testid="round-framework"
          />
        </Form.Item>
        <Form.Item name="year" label={t('evaluation.round.year')} rules={required.choice}>
          <InputNumber min={2000} max={2100} data-testid="round-year" />
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item name="periodStart" label={t('evaluation.round.periodStart')} rules={required.choice}>
          <Input type="date" data-testid="round-period-start" />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('evaluation.round.periodEnd')} rules={required.choice}>
          <Input type="date" data-testid="round-period-end" />
        </Form.Item>
        <Form.Item
          name="testDate"
          label={t('evaluation.round.testDate')}
          tooltip={t('evaluation.round.testDateHelp')}
          rules={required.choice}
        >
          <Input type="date" data-testid="round-test-date" />
        </Form.Item>
      </Space>
      <Form.Item name="unannounced" valuePropName="checked">
        <Checkbox data-testid="round-unannounced">{t('evaluation.round.unannounced')}</Checkbox>
      </Form.Item>
      <Form.Item name="ownerRegionCode" label={t('evaluation.round.owner')} rules={required.choice}>
        <RegionSelect known={[{ code: me.regionCode, name: me.regionName }]} testId="round-owner" />
      </Form.Item>
      <Typography.Text strong>{t('evaluation.round.regions')}</Typography.Text>
      <Space wrap style={{ margin: '8px 0' }}>
        <Button
          icon={<PlusOutlined />}
          loading={loadingChildren}
          onClick={() => void addChildren()}
          data-testid="round-add-children"
        >
          {t('evaluation.round.addChildren')}
        </Button>
        <div style={{ width: 300 }}>
          <RegionSelect
            value={adding}
            onChange={(value) => {
              if (typeof value === 'string' && value) void addOne(value);
            }}
            placeholder={t('evaluation.round.addRegion')}
          />
        </div>
        {regions.length > 0 && (
          <Button type="link" onClick={() => setRegions([])}>
            {t('evaluation.round.clearRegions')}
          </Button>
        )}
      </Space>
      <Table<PickedRegion>
        rowKey="code"
        size="small"
        dataSource={regions}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('evaluation.round.noRegions') }}
        data-testid="round-regions"
        columns={[
          { title: t('regions.code'), dataIndex: 'code', width: 110 },
          { title: t('regions.name'), dataIndex: 'name' },
          {
            title: t('evaluation.round.cityGroup'),
            dataIndex: 'cityGroup',
            width: 200,
            render: (group: CityGroup, region) => (
              <Select
                size="small"
                value={group}
                style={{ width: 180 }}
                onChange={(next: CityGroup) =>
                  setRegions((current) =>
                    current.map((item) => (item.code === region.code ? { ...item, cityGroup: next } : item)),
                  )
                }
                options={allowedGroups.map((value) => ({ value, label: t(cityGroupKeys[value]) }))}
                data-testid={`round-group-${region.code}`}
              />
            ),
          },
          {
            key: 'remove',
            width: 50,
            render: (_, region) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setRegions((current) => current.filter((item) => item.code !== region.code))}
              />
            ),
          },
        ]}
      />
    </FormModal>
  );
}
