import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  ConfigProvider,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Typography,
  theme as antdTheme,
} from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import type { TargetDirection } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useAsOfState } from '../../layout/AsOfProvider.tsx';
import { LaggingTable } from './LaggingTable.tsx';
import { RankingTable } from './RankingTable.tsx';
import { RegionMap } from './RegionMap.tsx';
import { StatusLegend } from './StatusLegend.tsx';
import { TargetCard } from './TargetCard.tsx';
import { CockpitThemeContext } from './theme.ts';
import styles from './cockpit.module.css';
import { useCockpit, useCockpitMap, useCockpitRanking, type ColourBy } from './api.ts';

/** How often the display wall fetches the figures again. */
const WALL_REFRESH_MS = 5 * 60 * 1000;

/** What the map is coloured by, from the link: `target:<code>` (status) or `indicator:<code>` (value). */
function parseColourBy(value: string | null): ColourBy | null {
  const [kind, code] = value?.split(':') ?? [];
  return (kind === 'target' || kind === 'indicator') && code ? { kind, code } : null;
}

/**
 * 创建驾驶舱: every plan target of a region with its status and trend, its children on a map and
 * in a ranking, and the lagging list. /cockpit is the account's own region, /cockpit/:regionCode
 * any region in scope; ?wall=1 is the display-wall mode (dark, large type, no shell).
 */
export default function CockpitPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { regionCode } = useParams();
  const [params, setParams] = useSearchParams();
  // A date in the link wins; otherwise the session's one "as of" date from the header (whose
  // default is the cockpit's own: the demo date, or the end of a finished plan, or today).
  const session = useAsOfState();
  const chosenAsOf = params.get('asOf') || session?.asOf || undefined;
  const wall = params.get('wall') === '1';

  const cockpit = useCockpit(session ? { region: regionCode, asOf: chosenAsOf } : null, { loadingWithoutUrl: true });
  const { data: view, loading } = cockpit;
  // While another region loads, the previous answer stays on screen; use it only when it matches.
  const current = view && (!regionCode || view.region.code === regionCode) ? view : null;
  const region = current?.region.code ?? null;
  const asOf = chosenAsOf ?? current?.asOf ?? '';

  const colourOptions = useMemo(() => {
    const targets = current?.targets ?? [];
    const indicators = new Map<string, { name: string; direction: TargetDirection }>();
    for (const evaluation of targets) {
      if (evaluation.measure.kind === 'indicator' && !indicators.has(evaluation.measure.indicator.code)) {
        indicators.set(evaluation.measure.indicator.code, {
          name: evaluation.measure.indicator.name,
          direction: evaluation.target.direction,
        });
      }
    }
    return { targets, indicators };
  }, [current]);

  // The server chooses what the map opens on: the first target or indicator whose children differ.
  const colourBy = parseColourBy(params.get('colour')) ?? current?.mapDefault ?? null;
  const { data: map, reload: reloadMap } = useCockpitMap(region && colourBy ? { region, asOf, colourBy } : null);
  const {
    data: ranking,
    loading: rankingLoading,
    reload: reloadRanking,
  } = useCockpitRanking(region ? { region, asOf } : null, { loadingWithoutUrl: true });

  // The display wall stays open all day: fetch again every few minutes, keeping the figures on screen meanwhile.
  const reloadCockpit = cockpit.reload;
  const [refreshed, setRefreshed] = useState(0);
  useEffect(() => {
    if (!wall) return;
    const timer = setInterval(() => {
      reloadCockpit();
      reloadMap();
      reloadRanking();
      setRefreshed((n) => n + 1);
    }, WALL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [wall, reloadCockpit, reloadMap, reloadRanking]);
  const direction: TargetDirection =
    colourBy?.kind === 'indicator'
      ? (colourOptions.indicators.get(colourBy.code)?.direction ?? 'higher_is_better')
      : 'higher_is_better';

  const setParam = (name: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });

  const keepQuery = () => {
    const next = new URLSearchParams();
    const linked = params.get('asOf');
    if (linked) next.set('asOf', linked);
    if (wall) next.set('wall', '1');
    const text = next.toString();
    return text ? `?${text}` : '';
  };
  const drillable = new Set(current?.children.map((child) => child.code) ?? []);
  const openRegion = (code: string) => {
    if (drillable.has(code)) navigate(`/cockpit/${code}${keepQuery()}`);
  };
  // Ancestors above the account's own region are outside its scope: shown, not linked.
  const ownPath = me.regionPath.split('/');
  const crumbs = [...(current?.ancestors ?? []), ...(current ? [current.region] : [])].map((r, index, all) => ({
    key: r.code,
    title:
      index < all.length - 1 && ownPath.includes(r.code) ? (
        <Link to={`/cockpit/${r.code}${keepQuery()}`}>{r.name}</Link>
      ) : (
        r.name
      ),
  }));

  const toggleWall = () => {
    if (wall) {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      setParam('wall', null);
    } else {
      // The browser's full screen needs this click; the wall mode works without it too.
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
      setParam('wall', '1');
    }
  };

  const toolbar = (
    <Space wrap>
      <Typography.Text type="secondary">{t('cockpit.asOf')}</Typography.Text>
      <Input
        type="date"
        value={asOf}
        onChange={(event) => {
          session?.setAsOf(event.target.value || null);
          setParam('asOf', null);
        }}
        style={{ width: 160 }}
        aria-label={t('cockpit.asOf')}
        data-testid="cockpit-as-of"
      />
      <Button
        icon={wall ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
        onClick={toggleWall}
        data-testid="cockpit-wall"
      >
        {wall ? t('cockpit.exitWall') : t('cockpit.wall')}
      </Button>
    </Space>
  );

  const body = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cockpit">
      {wall ? (
        <div className={styles.wallHeader}>
          <h1 className={styles.wallTitle} data-testid="cockpit-region">
            {current ? t('cockpit.wallTitle', { region: current.region.name }) : t('cockpit.title')}
          </h1>
          <StatusLegend counts={current?.counts} />
          {toolbar}
        </div>
      ) : (
        <Card size="small">
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space orientation="vertical" size={0}>
                <Breadcrumb items={crumbs} />
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="cockpit-region">
                  {current ? t('cockpit.wallTitle', { region: current.region.name }) : t('cockpit.title')}
                </Typography.Title>
              </Space>
              {toolbar}
            </Space>
            <StatusLegend counts={current?.counts} />
          </Space>
        </Card>
      )}

      {!current ? (
        <Spin spinning={loading} style={{ display: 'block', margin: '60px auto' }} />
      ) : current.targets.length === 0 ? (
        <Empty description={t('cockpit.noTargets')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="cockpit-targets">
          {current.targets.map((evaluation) => (
            <Col key={`${evaluation.target.planCode}/${evaluation.target.code}`} xs={24} sm={12} lg={8} xxl={6}>
              <TargetCard
                evaluation={evaluation}
                onOpen={
                  evaluation.measure.kind === 'indicator'
                    ? () =>
                        navigate(
                          withQuery(
                            `/indicators/${encodeURIComponent(
                              evaluation.measure.kind === 'indicator' ? evaluation.measure.indicator.code : '',
                            )}`,
                            { region: current.region.code },
                          ),
                        )
                    : undefined
                }
              />
            </Col>
          ))}
        </Row>
      )}

      {current && current.children.length > 0 && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={t('cockpit.map')}
              extra={
                <Select
                  value={colourBy ? `${colourBy.kind}:${colourBy.code}` : undefined}
                  onChange={(value: string) => setParam('colour', value)}
                  style={{ width: 260 }}
                  popupMatchSelectWidth={false}
                  aria-label={t('a11y.cockpit.colourBy')}
                  data-testid="cockpit-colour-by"
                  options={[
                    {
                      label: t('cockpit.byTarget'),
                      options: colourOptions.targets.map((e) => ({
                        value: `target:${e.target.code}`,
                        label: `${e.target.taskNumber ? `${e.target.taskNumber} ` : ''}${e.target.title}`,
                      })),
                    },
                    {
                      label: t('cockpit.byIndicator'),
                      options: [...colourOptions.indicators].map(([code, indicator]) => ({
                        value: `indicator:${code}`,
                        label: indicator.name,
                      })),
                    },
                  ]}
                />
              }
            >
              <RegionMap
                regionCode={current.region.code}
                map={map && map.region.code === current.region.code ? map : null}
                direction={direction}
                onOpen={openRegion}
                height={wall ? 560 : 440}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('cockpit.ranking')} style={{ height: '100%' }}>
              <RankingTable
                items={ranking && ranking.region.code === current.region.code ? ranking.items : []}
                loading={rankingLoading}
                onOpen={openRegion}
              />
            </Card>
          </Col>
        </Row>
      )}

      {current && (
        <Card size="small" title={t('cockpit.lagging')}>
          <LaggingTable regionCode={current.region.code} asOf={asOf} refreshed={refreshed} wall={wall} />
        </Card>
      )}
    </Space>
  );

  if (!wall) return body;
  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm, token: { fontSize: 16 } }}>
      <CockpitThemeContext.Provider value="dark">
        <div className={styles.wall} data-testid="cockpit-wall-view">
          {body}
        </div>
      </CockpitThemeContext.Provider>
    </ConfigProvider>
  );
}
