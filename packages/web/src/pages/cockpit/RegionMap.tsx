import { Empty, Spin, Typography } from 'antd';
import type { CockpitMap, CockpitMapItem, TargetDirection } from '@chuangcheng/core';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Chart } from './Chart.tsx';
import { readableText, scaleGradient } from './colour-scale.ts';
import { formatPeriod, formatProgress, formatValue } from './format.ts';
import { itemColour, mapLegend, noValueColour } from './map-legend.ts';
import { statusKeys } from './status.ts';
import { StatusLegend } from './StatusLegend.tsx';
import { inkColour, useCockpitTheme } from './theme.ts';
import { useRegionOutlines } from './useRegionOutlines.ts';
import styles from './cockpit.module.css';

interface RegionMapProps {
  regionCode: string;
  map: CockpitMap | null;
  /** Direction of the indicator the map is coloured by (for the value scale). */
  direction: TargetDirection;
  /** Opens a child region; absent for regions that cannot be drilled into. */
  onOpen: (regionCode: string) => void;
  height: number;
}

/** The child regions of a region, coloured by a target's status or an indicator's value. */
export function RegionMap({ regionCode, map, direction, onOpen, height }: RegionMapProps) {
  const { t, language } = useI18n();
  const theme = useCockpitTheme();
  const outlines = useRegionOutlines(regionCode);
  if (!map || outlines.state === 'loading') return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (map.items.length === 0) return <Empty description={t('cockpit.noChildren')} />;

  const key = mapLegend(map, direction);
  const byStatus = key.statuses.length > 0;
  const unit = map.indicator?.unit ?? map.target?.unit ?? '';
  const scale = key.scale;
  const describe = (item: CockpitMapItem) =>
    [
      item.region.name,
      `${formatValue(item.value, unit)}${item.period ? ` (${formatPeriod(item.period, language)})` : ''}`,
      item.status ? `${t(statusKeys[item.status])} · ${t('cockpit.progress')} ${formatProgress(item.progress)}` : '',
      item.coverage ? t('cockpit.coverageOnTime', { ...item.coverage }) : '',
    ].filter(Boolean);

  // The legend shows every colour the map paints: a gradient for the values, grey for none.
  const legend = byStatus ? (
    <StatusLegend />
  ) : (
    <Typography.Text type="secondary" data-testid="value-legend">
      {scale && (
        <>
          {formatValue(scale.min, unit)}
          <span className={styles.gradient} style={{ background: scaleGradient(direction) }} />
          {formatValue(scale.max, unit)}
        </>
      )}
      {key.noValue && (
        <span className={styles.legendItem} data-testid="legend-no-value">
          <span className={styles.swatch} style={{ background: noValueColour }} />
          {t('cockpit.status.no_data')}
        </span>
      )}
    </Typography.Text>
  );

  if (outlines.state === 'none') {
    return (
      <div data-testid="region-tiles">
        <div className={styles.tiles}>
          {map.items.map((item) => {
            const background = itemColour(item, key, theme);
            const lines = describe(item);
            return (
              <button
                type="button"
                key={item.region.code}
                className={styles.tile}
                style={{ background, color: readableText(background) }}
                title={lines.join('\n')}
                onClick={() => onOpen(item.region.code)}
                data-testid={`region-tile-${item.region.code}`}
              >
                <strong>{item.region.name}</strong>
                <div>{formatValue(item.value, unit)}</div>
                {item.status && <div>{t(statusKeys[item.status])}</div>}
              </button>
            );
          })}
        </div>
        <div style={{ marginTop: 8 }}>{legend}</div>
      </div>
    );
  }

  const option = {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { item: CockpitMapItem } }) =>
        params.data ? describe(params.data.item).join('<br/>') : '',
    },
    series: [
      {
        type: 'map',
        map: outlines.mapName,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        label: {
          show: true,
          color: theme === 'dark' ? '#fff' : '#1f1f1f',
          fontSize: theme === 'dark' ? 14 : 11,
          formatter: (params: { data?: { item: CockpitMapItem } }) => params.data?.item.region.name ?? '',
        },
        itemStyle: { borderColor: theme === 'dark' ? '#0b1220' : '#fff', borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: inkColour[theme] } },
        data: map.items.map((item) => ({
          name: item.region.code,
          value: item.value,
          item,
          itemStyle: { areaColor: itemColour(item, key, theme) },
        })),
      },
    ],
  };
  return (
    <div data-testid="region-map">
      <Chart
        option={option}
        style={{ height }}
        onEvents={{ click: (params) => params.name && onOpen(params.name) }}
        testId="region-map-chart"
      />
      {legend}
    </div>
  );
}
