import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { AimOutlined, CheckCircleFilled } from '@ant-design/icons';
import type { PublicRegion, PublicRegionList, RegionsAtPoint } from '@chuangcheng/core';
import { api, withQuery } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { levelLabelKey } from '../../components/region-display.tsx';
import styles from './public.module.css';

/** Where the problem is: a point from the phone, and/or a region chosen down to the community and an address. */
export interface LocationValue {
  lat?: number;
  lng?: number;
  accuracy?: number;
  regionCodes?: string[];
  address?: string;
}

/** A region the point lies in (GET /public/regions/at). */
type PlacedRegion = RegionsAtPoint['items'][number];

const ROOT = '';

/**
 * The region chosen level by level (city, county, street, community), one full-width list per
 * level: easier with a thumb on a narrow screen than side-by-side cascading menus.
 */
function RegionChain({ value = [], onChange }: { value?: string[]; onChange: (codes: string[]) => void }) {
  const t = useT();
  const [lists, setLists] = useState<ReadonlyMap<string, PublicRegion[]>>(new Map());
  const requested = useRef(new Set<string>());

  const load = useCallback((parent: string) => {
    if (requested.current.has(parent)) return;
    requested.current.add(parent);
    api
      .get<PublicRegionList>(withQuery('/api/v1/public/regions', { parent: parent || undefined }))
      .then((page) => setLists((current) => new Map(current).set(parent, page.items)))
      .catch(() => requested.current.delete(parent));
  }, []);

  // The top list at once; below it, the children of every region chosen so far.
  const parents = [ROOT, ...value];
  useEffect(() => {
    for (const parent of parents) load(parent);
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="report-region">
      {parents.map((parent, depth) => {
        const items = lists.get(parent);
        if (!items || items.length === 0) return null;
        const level = items[0]?.level ?? depth + 2;
        return (
          <Select
            key={parent || 'root'}
            size="large"
            style={{ width: '100%' }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={value[depth]}
            placeholder={t('case.location.choose', { level: t(levelLabelKey(level)) })}
            // The first list is named by the visible label 所在区域; the lists below it by their level.
            aria-label={depth === 0 ? undefined : t(levelLabelKey(level))}
            id={depth === 0 ? 'report-region-first' : undefined}
            options={items.map((region) => ({ value: region.code, label: region.name }))}
            onChange={(code: string | undefined) =>
              onChange(code ? [...value.slice(0, depth), code] : value.slice(0, depth))
            }
            data-testid={`report-region-${depth}`}
          />
        );
      })}
    </Space>
  );
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
  /** Where the point was placed: the regions it lies in (empty: outside the outlines). */
  const [placed, setPlaced] = useState<PlacedRegion[] | null>(null);
  // The answer placing the point arrives later: it must not undo what was typed meanwhile.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });

  const set = (patch: Partial<LocationValue>) => {
    latest.current = { ...latest.current, ...patch };
    onChange?.(latest.current);
  };

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
        const point = {
          lat: Math.round(position.coords.latitude * 1e6) / 1e6,
          lng: Math.round(position.coords.longitude * 1e6) / 1e6,
          accuracy: Math.round(position.coords.accuracy),
        };
        set(point);
        setPlaced(null);
        // The regions the point lies in fill the lists below; the resident may still correct them.
        api
          .get<RegionsAtPoint>(withQuery('/api/v1/public/regions/at', { lat: point.lat, lng: point.lng }))
          .then((answer) => {
            if (latest.current.lat !== point.lat || latest.current.lng !== point.lng) return;
            setPlaced(answer.items);
            if (answer.items.length > 0) set({ regionCodes: answer.items.map((region) => region.code) });
          })
          .catch(() => setPlaced(null));
      },
      (error) => {
        setLocating(false);
        setFailure(error.code === error.PERMISSION_DENIED ? t('case.location.denied') : t('case.location.failed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
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
          {placed && placed.length > 0
            ? t('public.location.placed', {
                region: placed.map((region) => region.name).join(' '),
                accuracy: value.accuracy ?? 0,
              })
            : t('public.location.located', { accuracy: value.accuracy ?? 0 })}
        </Typography.Text>
      )}
      {placed?.length === 0 && <Alert type="warning" showIcon title={t('public.location.outside')} />}
      {failure && <Alert type="warning" showIcon title={failure} />}
      <label htmlFor="report-region-first" className={styles.fieldLabel}>
        {t('public.location.regionLabel')}
      </label>
      <Typography.Text type="secondary">
        {placed && placed.length > 0 ? t('public.location.correct') : t('case.location.regionPlaceholder')}
      </Typography.Text>
      <RegionChain value={value.regionCodes} onChange={(regionCodes) => set({ regionCodes })} />
      <label htmlFor="report-address" className={styles.fieldLabel}>
        {t('public.location.addressLabel')}
      </label>
      <Input
        id="report-address"
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
