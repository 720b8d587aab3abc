import { Tag, Typography } from 'antd';
import type { Card, SupervisionRules } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';

/** A unit's 黄牌 or 红牌 on the board; nothing when it has none. */
export function CardTag({ card }: { card: Card | null }) {
  const t = useT();
  if (!card) return null;
  return (
    <Tag color={card === 'red' ? 'red' : 'gold'} data-testid={`card-${card}`}>
      {t(`lights.card.${card}`)}
    </Tag>
  );
}

/** The plan's lights and cadence in words, so the board says by which rules it colours. */
export function RulesNote({ rules }: { rules: SupervisionRules }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" data-testid="board-rules">
      {t('lights.rules', {
        graceDays: rules.graceDays,
        dueSoonDays: rules.dueSoonDays,
        yellowPeriods: rules.yellowCard.missedPeriods,
        yellowNotices: rules.yellowCard.overdueNotices,
        redPeriods: rules.redCard.missedPeriods,
        redNotices: rules.redCard.overdueNotices,
      })}
    </Typography.Text>
  );
}
