import { useState } from 'react';
import { Alert, Button, Cascader, Input, Space, Typography } from 'antd';
import { AimOutlined, CheckCircleFilled } from '@ant-design/icons';
import { api, withQuery } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Where the problem is: a point from the phone, and/or a region chosen down to the community and an address. */
export interface LocationValue {
  lat?: number;
  lng?: number;
  accuracy?: number;
  regionCodes?: string[];
  address?: string;
}

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
  loading?: boolean;
}

interface PublicRegion {
  code: string;
  name: string;
  level: number;
  hasChildren: boolean;
}

const toOption = (region: PublicRegion): RegionOption => ({
  value: region.code,
  label: region.name,
  isLeaf: !region.hasChildren,
});

async function children(parent?: string): Promise<RegionOption[]> {
  const page = await api.get<{ items: PublicRegion[] }>(withQuery('/api/v1/public/regions', { parent }));
  return page.items.map(toOption);
}

interface Props {
  value?: LocationValue;
  onChange?: (value: LocationValue) => void;
}

/**
 * The phone's position first (one tap; the browser asks permission), with the fallback of
 * choosing the region level by level and typing an address, for when location is refused,
 * unavailable, or wrong (the reporter saw it earlier somewhere else).
 */
export function LocationField({ value = {}, onChange }: Props) {
  const t = useT();
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [options, setOptions] = useState<RegionOption[] | null>(null);

  const set = (patch: Partial<LocationValue>) => onChange?.({ ...value, ...patch });

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setFailure(t('case.location.unsupported'));
      return;
    }
    setLocating(true);
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        set({
          lat: Math.round(position.coords.latitude * 1e6) / 1e6,
          lng: Math.round(position.coords.longitude * 1e6) / 1e6,
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      (error) => {
        setLocating(false);
        setFailure(error.code === error.PERMISSION_DENIED ? t('case.location.denied') : t('case.location.failed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const openRegions = (open: boolean) => {
    if (!open || options) return;
    children()
      .then(setOptions)
      .catch(() => setOptions([]));
  };

  const loadData = (path: RegionOption[]) => {
    const target = path[path.length - 1];
    if (!target) return;
    target.loading = true;
    children(target.value)
      .then((list) => {
        target.children = list;
        target.isLeaf = list.length === 0;
      })
      .catch(() => {
        target.isLeaf = true;
      })
      .finally(() => {
        target.loading = false;
        setOptions((current) => (current ? [...current] : current));
      });
  };

  const located = value.lat !== undefined && value.lng !== undefined;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button block size="large" icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="report-locate">
        {located ? t('case.location.again') : t('case.location.useMine')}
      </Button>
      {located && (
        <Typography.Text type="success" data-testid="report-located">
          <CheckCircleFilled />{' '}
          {t('case.location.located', { lat: value.lat ?? 0, lng: value.lng ?? 0, accuracy: value.accuracy ?? 0 })}
        </Typography.Text>
      )}
      {failure && <Alert type="warning" showIcon title={failure} />}
      <Cascader<RegionOption>
        style={{ width: '100%' }}
        size="large"
        options={options ?? []}
        loadData={loadData}
        changeOnSelect
        value={value.regionCodes}
        onChange={(codes) => set({ regionCodes: codes as string[] | undefined })}
        onOpenChange={openRegions}
        placeholder={t('case.location.regionPlaceholder')}
        data-testid="report-region"
      />
      <Input
        size="large"
        value={value.address}
        onChange={(event) => set({ address: event.target.value })}
        maxLength={200}
        placeholder={t('case.location.addressPlaceholder')}
        data-testid="report-address"
      />
    </Space>
  );
}
