import { Tag } from 'antd';
import type { TargetStatus } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { readableText } from './colour-scale.ts';
import { statusKeys, statusPalette, targetStatuses } from './status.ts';
import { useCockpitTheme } from './theme.ts';
import styles from './cockpit.module.css';

/** Off track's map red reads at only 4.1:1 with white or black text: its tag takes a deeper red. */
const tagFill: Partial<Record<TargetStatus, string>> = { off_track: '#cf1322' };

/** A status as a coloured tag, the same colours everywhere in the cockpit. */
export function TargetStatusTag({ status }: { status: TargetStatus }) {
  const t = useT();
  const theme = useCockpitTheme();
  const fill = tagFill[status] ?? statusPalette(status, theme).fill;
  return (
    <Tag color={fill} variant="solid" style={{ color: readableText(fill) }} data-status={status}>
      {t(statusKeys[status])}
    </Tag>
  );
}

/** The five statuses with their colours, optionally with how many targets have each. */
export function StatusLegend({ counts }: { counts?: Partial<Record<TargetStatus, number>> }) {
  const t = useT();
  const theme = useCockpitTheme();
  return (
    <div className={styles.legend} data-testid="status-legend">
      {targetStatuses.map((status) => (
        <span key={status} className={styles.legendItem} data-testid={`status-count-${status}`}>
          <span className={styles.swatch} style={{ background: statusPalette(status, theme).fill }} />
          {t(statusKeys[status])}
          {counts && <strong className={styles.legendCount}>{counts[status] ?? 0}</strong>}
        </span>
      ))}
    </div>
  );
}
