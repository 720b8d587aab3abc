import type { KeyboardEvent } from 'react';
import { Card, Progress, Space, Typography } from 'antd';
import type { TargetEvaluation } from '@chuangcheng/core';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Chart } from './Chart.tsx';
import { sparklineOption } from './chart-options.ts';
import { formatPeriod, formatProgress, formatTarget, formatValue } from './format.ts';
import { formatTime } from '../cases/format.ts';
import { statusPalette } from './status.ts';
import { TargetStatusTag } from './StatusLegend.tsx';
import { inkColour, useCockpitTheme } from './theme.ts';
import styles from './cockpit.module.css';

/** The unit a target's figures are in: the indicator's, or the target's own for title counts. */
function evaluationUnit(evaluation: TargetEvaluation): string {
  return evaluation.measure.kind === 'indicator' ? evaluation.measure.indicator.unit : evaluation.target.unit;
}

/**
 * What the figure measures (issue 16): the target's scope note, and how the units are combined
 * when that is not the indicator's own rule (a mean of cities, a population-weighted mean).
 */
function ScopeNote({ evaluation }: { evaluation: TargetEvaluation }) {
  const { t } = useI18n();
  const note = typeof evaluation.target.scope.note === 'string' ? evaluation.target.scope.note : null;
  const combine = evaluation.measure.kind === 'indicator' ? evaluation.measure.combine : 'data_set';
  if (!note && combine === 'data_set') return null;
  const how = combine === 'data_set' ? null : t(`cockpit.combine.${combine}`);
  return (
    <Typography.Paragraph
      type="secondary"
      className={styles.cardMeta}
      ellipsis={{ rows: 2, tooltip: note }}
      style={{ marginBottom: 0 }}
      data-testid="target-scope-note"
    >
      {t('cockpit.scopeNote', { note: [how, note].filter(Boolean).join('；') })}
    </Typography.Paragraph>
  );
}

/** Enter or Space on a focused card opens it, as on a button. */
function openByKey(event: KeyboardEvent, open: () => void) {
  if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  open();
}

/** One plan target for one region: where it stands, the target, the trend and where it is heading. */
export function TargetCard({ evaluation, onOpen }: { evaluation: TargetEvaluation; onOpen?: () => void }) {
  const { t, language } = useI18n();
  const theme = useCockpitTheme();
  const { target, latest, status } = evaluation;
  const palette = statusPalette(status, theme);
  const unit = evaluationUnit(evaluation);
  // Coverage of the latest figure, shown beside every figure; it decides whether a status is shown.
  const coverage = evaluation.coverage;
  const goal = formatTarget(target.comparator, evaluation.targetValue, evaluation.targetValueMax, unit);

  return (
    <Card
      size="small"
      hoverable={Boolean(onOpen)}
      // The whole card opens the indicator, its sparkline too: in the capture phase, before the
      // chart's own pointer handling sees the click. A keyboard opens it with Enter or Space.
      onClickCapture={onOpen}
      role={onOpen ? 'button' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      onKeyDown={onOpen ? (event) => openByKey(event, onOpen) : undefined}
      className={styles.card}
      style={{ borderLeftColor: palette.fill }}
      data-testid={`target-card-${target.code}`}
      data-status={status}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text className={styles.cardTitle}>
          {target.taskNumber ? `${target.taskNumber} ` : ''}
          {target.title}
        </Typography.Text>
        <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <span className={styles.cardValue} style={{ color: palette.text }} data-testid="target-latest">
            {latest ? formatValue(latest.value, unit) : '—'}
          </span>
          <TargetStatusTag status={status} />
        </Space>
        <Typography.Text type="secondary" className={styles.cardMeta}>
          {latest ? formatPeriod(latest.period, language) : t('cockpit.noData')}
          {' · '}
          {t('cockpit.target')} {goal ?? '—'}
          {' · '}
          {t('cockpit.deadline')} {target.deadline}
        </Typography.Text>
        <Chart
          option={sparklineOption({
            series: evaluation.series,
            deadline: target.deadline,
            targetValue: evaluation.targetValue,
            forecast: evaluation.forecast,
            colour: palette.fill,
            ink: inkColour[theme],
            labels: { value: t('cockpit.latest'), target: t('cockpit.target'), forecast: t('cockpit.forecast') },
            formatValue: (value) => formatValue(value, unit),
          })}
          className={styles.sparkline}
          testId="target-sparkline"
        />
        <Progress
          percent={Math.round(evaluation.progress ?? 0)}
          showInfo={false}
          size="small"
          strokeColor={palette.fill}
          aria-label={t('cockpit.progress')}
        />
        <Typography.Text type="secondary" className={styles.cardMeta}>
          {t('cockpit.progress')} {formatProgress(evaluation.progress)}
          {' · '}
          {t('cockpit.forecast')} {formatValue(evaluation.forecast, unit)}
          {evaluation.provisional && ` · ${t('cockpit.provisional')}`}
        </Typography.Text>
        <ScopeNote evaluation={evaluation} />
        {coverage && (
          <Typography.Text type="secondary" className={styles.cardMeta} data-testid="target-coverage">
            {t('cockpit.coverageOnTime', { ...coverage })}
            {status === 'insufficient_data' &&
              ` · ${t('cockpit.coverageBelow', { min: evaluation.completeness.minReportingRate })}`}
          </Typography.Text>
        )}
        {evaluation.panel && (
          <Typography.Text type="secondary" className={styles.cardMeta} data-testid="target-panel">
            {t('cockpit.panel', {
              units: evaluation.panel.units,
              from: formatPeriod(evaluation.panel.from, language),
              to: formatPeriod(evaluation.panel.to, language),
            })}
            {evaluation.panel.lateStarters > 0 && ` · ${t('cockpit.panelLate', { n: evaluation.panel.lateStarters })}`}
            {evaluation.panel.stopped > 0 && ` · ${t('cockpit.panelStopped', { n: evaluation.panel.stopped })}`}
            {evaluation.panel.imputed > 0 && ` · ${t('cockpit.panelImputed', { n: evaluation.panel.imputed })}`}
          </Typography.Text>
        )}
        {evaluation.dataAsOf && (
          <Typography.Text
            type="secondary"
            className={styles.cardMeta}
            title={evaluation.dataAsOf}
            data-testid="target-data-stamp"
          >
            {t('cockpit.dataAsOf', { at: formatTime(evaluation.dataAsOf) })}
            {evaluation.revised && ` · ${t('cockpit.revised')}`}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
