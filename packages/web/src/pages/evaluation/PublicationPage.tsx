import { Link, useParams } from 'react-router';
import { Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Ranking, Round, Scorecard } from '@chuangcheng/core';
import { useQueries } from '@tanstack/react-query';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import { cityGroupKeys, roundKindKeys } from './labels.ts';
import { formatDelta, formatPoints, formatRate } from './score-format.ts';
import { standardNames } from './scorecard-rows.ts';
import styles from './publication.module.css';
import { scorecardQuery, useRanking, useRound } from './api.ts';

interface Loaded {
  round: Round;
  ranking: Ranking;
  scorecards: Scorecard[];
}

/**
 * 测评结果公布: a plain, printable document (rankings per group, then each region's losses
 * explained). The browser's print dialog saves it as PDF; the print stylesheet drops the buttons.
 */
export default function PublicationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const roundQuery = useRound(id);
  const rankingQuery = useRanking(id);
  const codes = rankingQuery.data?.groups.flatMap((group) => group.rows.map((row) => row.region.code)) ?? [];
  // One query per region's scorecard; the browser sends at most six at a time to one server.
  const cardQueries = useQueries({
    queries: codes.map((code) => scorecardQuery(id, code)),
  });
  const failed = roundQuery.failed || rankingQuery.failed || cardQueries.some((card) => card.isError);
  const cards = cardQueries.flatMap((card) => (card.data ? [card.data] : []));
  const loaded: Loaded | null =
    roundQuery.data && rankingQuery.data && cards.length === codes.length
      ? { round: roundQuery.data, ranking: rankingQuery.data, scorecards: cards }
      : null;

  if (failed) return <Result status="warning" title={t('evaluation.round.loadFailed')} />;
  if (!loaded) return <Spin fullscreen />;
  const { round, ranking, scorecards } = loaded;

  return (
    <div className={styles.page} data-testid="publication">
      <Space className={styles.toolbar}>
        <Link to={`/evaluation/rounds/${round.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('evaluation.results.back')}</Button>
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="publication-print"
        >
          {t('evaluation.results.printNow')}
        </Button>
      </Space>
      <h1 className={styles.title}>{t('evaluation.results.documentTitle', { name: round.name })}</h1>
      <p className={styles.meta}>
        {t(roundKindKeys[round.kind])} · {round.periodStart} ~ {round.periodEnd} · {round.framework.name} v
        {round.framework.version} ·{' '}
        {round.publishedAt
          ? t('evaluation.results.publishedOn', { at: formatTime(round.publishedAt) })
          : t('evaluation.scorecard.unpublished')}
      </p>
      {round.framework.isModel && <p className={styles.notice}>{t('evaluation.modelBanner')}</p>}
      {ranking.groups.map((group) => (
        <section key={group.cityGroup} className={styles.section}>
          <h2>{t('evaluation.results.groupRanking', { group: t(cityGroupKeys[group.cityGroup]) })}</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>{t('evaluation.ranking.rank')}</th>
                <th>{t('regions.name')}</th>
                <th>{t('evaluation.scorecard.total')}</th>
                <th>{t('evaluation.scorecard.rate')}</th>
                <th>{t('evaluation.scorecard.main')}</th>
                <th>{t('evaluation.scorecard.minors')}</th>
                <th>{t('evaluation.scorecard.negative')}</th>
                <th>{t('evaluation.ranking.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.region.code}>
                  <td className={styles.number}>{row.rank}</td>
                  <td>{row.region.name}</td>
                  <td className={styles.number}>{formatPoints(row.total)}</td>
                  <td className={styles.number}>{formatRate(row.rate)}</td>
                  <td className={styles.number}>{formatPoints(row.mainScore)}</td>
                  <td className={styles.number}>
                    {formatPoints(row.minorsScore)}
                    {row.minorsGatePassed === false && ` ${t('evaluation.scorecard.gateFailed')}`}
                  </td>
                  <td className={styles.number}>{row.deducted > 0 ? `−${formatPoints(row.deducted)}` : '—'}</td>
                  <td className={styles.number}>
                    {row.previousTotal === null ? '—' : formatDelta(row.total - row.previousTotal)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2 className={styles.pageBreak}>{t('evaluation.results.explanations')}</h2>
      {scorecards.map((card) => (
        <section key={card.region.code} className={styles.region}>
          <h3>
            {card.region.name}：{formatPoints(card.total)}（{formatRate(card.rate)}）
            {card.rank !== null && ` · ${t('evaluation.scorecard.rankN', { rank: card.rank })}/${card.groupSize}`}
          </h3>
          {card.deductions.map((deduction) => (
            <p key={deduction.incidentId} className={styles.deduction}>
              {t('evaluation.results.deduction', {
                points: formatPoints(deduction.points),
                category: deduction.category,
                reason: deduction.reason,
              })}
            </p>
          ))}
          {card.losses.length === 0 ? (
            <p>{t('evaluation.scorecard.noLosses')}</p>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>{t('evaluation.node.standard')}</th>
                  <th>{t('evaluation.scorecard.lost')}</th>
                  <th>{t('evaluation.scorecard.reason')}</th>
                  <th>{t('evaluation.score.scorer')}</th>
                </tr>
              </thead>
              <tbody>
                {card.losses.map((loss, index) => (
                  <tr key={`${loss.standardCode}:${loss.findingId ?? index}`}>
                    <td>
                      {loss.standardCode} {standardNames(card).get(loss.standardCode) ?? ''}
                    </td>
                    <td className={styles.number}>−{formatPoints(loss.points)}</td>
                    <td>{loss.reason}</td>
                    <td>{loss.scorer ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
