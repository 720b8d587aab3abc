import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ConfigProvider, Spin, theme as antdTheme } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionMap } from './RegionMap.tsx';
import { StatusLegend } from './StatusLegend.tsx';
import { TargetCard } from './TargetCard.tsx';
import { CockpitThemeContext } from './theme.ts';
import cockpitStyles from './cockpit.module.css';
import styles from './wall.module.css';
import { useCockpit, useCockpitMap, useCockpitRanking } from './api.ts';

/** The stage is drawn at 1920×1080 and scaled to the screen (×2 on a 3840×2160 wall). */
const STAGE = { width: 1920, height: 1080 };
/** Target cards on one view: 4 across, 2 down, each readable from across a room. */
const CARDS_PER_VIEW = 8;
const VIEW_SECONDS = 20;
const REFRESH_MS = 5 * 60 * 1000;
/**
 * The app's theme makes secondary text dark grey for white pages; on the wall's dark stage that
 * grey would vanish, so the wall sets light greys (about 9:1 and 7:1 on the dark cards).
 */
const WALL_TOKENS = {
  fontSize: 18,
  colorTextSecondary: '#bfbfbf',
  colorTextDescription: '#bfbfbf',
  colorTextTertiary: '#a6a6a6',
  colorTextPlaceholder: '#a6a6a6',
  colorTextQuaternary: '#a6a6a6',
};

function useStageScale(): number {
  const measure = () => Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
  const [scale, setScale] = useState(measure);
  useEffect(() => {
    const onResize = () => setScale(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/**
 * 大屏: one fixed screen for a wall display, no controls. What does not fit on one view (more
 * than 8 targets, the map with the ranking) is shown in turns, every 20 seconds; the figures are
 * fetched again every 5 minutes. /wall is the account's region, /wall/:regionCode another in scope.
 */
export default function WallPage() {
  const t = useT();
  const { regionCode } = useParams();
  const scale = useStageScale();
  const cockpit = useCockpit({ region: regionCode });
  const view = cockpit.data;
  const region = view?.region.code ?? null;
  // The server chooses what the map shows: the first target or indicator whose children differ.
  const colourBy = view?.mapDefault ?? null;
  const map = useCockpitMap(
    view && region && colourBy && view.children.length > 0 ? { region, asOf: view.asOf, colourBy } : null,
    { loadingWithoutUrl: true },
  );
  const ranking = useCockpitRanking(view && region && view.children.length > 0 ? { region, asOf: view.asOf } : null, {
    loadingWithoutUrl: true,
  });

  const targetViews = Math.ceil((view?.targets.length ?? 0) / CARDS_PER_VIEW);
  const viewCount = targetViews + (view && view.children.length > 0 ? 1 : 0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), VIEW_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
  const { reload: reloadCockpit } = cockpit;
  const { reload: reloadMap } = map;
  const { reload: reloadRanking } = ranking;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadCockpit();
      reloadMap();
      reloadRanking();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadCockpit, reloadMap, reloadRanking]);

  const shown = viewCount > 0 ? tick % viewCount : 0;
  // The map's title names what it is coloured by: a target's title or an indicator's name.
  const colouredBy =
    colourBy?.kind === 'indicator'
      ? view?.targets.find((e) => e.measure.kind === 'indicator' && e.measure.indicator.code === colourBy.code)
      : view?.targets.find((e) => e.target.code === colourBy?.code);
  const mapTitle =
    colourBy?.kind === 'indicator'
      ? colouredBy?.measure.kind === 'indicator'
        ? colouredBy.measure.indicator.name
        : ''
      : (colouredBy?.target.title ?? '');
  const mapDirection =
    colourBy?.kind === 'indicator' ? (colouredBy?.target.direction ?? 'higher_is_better') : 'higher_is_better';

  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm, token: WALL_TOKENS }}>
      <CockpitThemeContext.Provider value="dark">
        <div className={`${cockpitStyles.wall} ${styles.screen}`} data-testid="wall">
          <div
            className={styles.stage}
            style={{ width: STAGE.width, height: STAGE.height, transform: `scale(${scale})` }}
            data-testid="wall-stage"
          >
            <header className={styles.header}>
              <h1 className={styles.title} data-testid="wall-title">
                {view ? t('cockpit.wallTitle', { region: view.region.name }) : t('cockpit.title')}
              </h1>
              <StatusLegend counts={view?.counts} />
              <span className={styles.asOf}>{view ? t('wall.asOf', { date: view.asOf }) : ''}</span>
            </header>
            {!view ? (
              <Spin size="large" style={{ display: 'block', marginTop: 300 }} />
            ) : shown < targetViews ? (
              <div className={styles.cards} data-testid="wall-view-targets">
                {view.targets.slice(shown * CARDS_PER_VIEW, (shown + 1) * CARDS_PER_VIEW).map((evaluation) => (
                  <div className={styles.cell} key={`${evaluation.target.planCode}/${evaluation.target.code}`}>
                    <TargetCard evaluation={evaluation} />
                  </div>
                ))}
              </div>
            ) : (
              <div className={styles.mapView} data-testid="wall-view-map">
                <section className={styles.panel}>
                  <h2 className={styles.panelTitle}>{t('wall.mapBy', { target: mapTitle })}</h2>
                  <RegionMap
                    regionCode={view.region.code}
                    map={map.data && map.data.region.code === view.region.code ? map.data : null}
                    direction={mapDirection}
                    onOpen={() => undefined}
                    height={820}
                  />
                </section>
                <section className={styles.panel}>
                  <h2 className={styles.panelTitle}>{t('cockpit.ranking')}</h2>
                  <ol className={styles.ranking} data-testid="wall-ranking">
                    {(ranking.data?.items ?? []).slice(0, 13).map((item) => (
                      <li key={item.region.code}>
                        <span className={styles.rank}>{item.rank}</span>
                        <span className={styles.rankName}>{item.region.name}</span>
                        <span className={styles.rankScore}>{item.score === null ? '—' : item.score.toFixed(1)}</span>
                      </li>
                    ))}
                  </ol>
                </section>
              </div>
            )}
            {viewCount > 1 && (
              <div className={styles.dots} aria-hidden>
                {Array.from({ length: viewCount }, (_, i) => (
                  <span key={i} className={i === shown ? styles.dotOn : styles.dot} />
                ))}
              </div>
            )}
          </div>
        </div>
      </CockpitThemeContext.Provider>
    </ConfigProvider>
  );
}
