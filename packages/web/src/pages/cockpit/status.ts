import { TargetStatus } from '@chuangcheng/core';
import { valueKeys } from '../../i18n/value-keys.ts';

/** Legend order: best first, then the two without a status: too few reporters, and no data (last). */
export const targetStatuses: readonly TargetStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'insufficient_data',
  'no_data',
];

export const statusKeys = valueKeys('cockpit.status', TargetStatus.options);

interface StatusPalette {
  /** Map areas, bars, the card's edge. */
  fill: string;
  /** Text and lines on the page background, at 4.5:1 or more (WCAG AA). */
  text: string;
  /** A pale background behind a card or cell. */
  background: string;
}

/**
 * One set of status colours for every view (三色督办 plus grey): achieved and on track green,
 * at risk amber, off track red, no data grey; insufficient data a darker grey (figures exist but
 * cover too few reporters to claim a status). Achieved is the deeper green.
 */
const light: Record<TargetStatus, StatusPalette> = {
  achieved: { fill: '#237804', text: '#237804', background: '#f6ffed' },
  on_track: { fill: '#73d13d', text: '#2f7a0a', background: '#f6ffed' },
  at_risk: { fill: '#faad14', text: '#874d00', background: '#fffbe6' },
  off_track: { fill: '#f5222d', text: '#cf1322', background: '#fff1f0' },
  insufficient_data: { fill: '#8c8c8c', text: '#595959', background: '#f5f5f5' },
  no_data: { fill: '#d9d9d9', text: '#6b6b6b', background: '#fafafa' },
};

/** The display wall's dark background needs brighter text and darker card backgrounds. */
const dark: Record<TargetStatus, StatusPalette> = {
  achieved: { fill: '#389e0d', text: '#95de64', background: '#162312' },
  on_track: { fill: '#73d13d', text: '#b7eb8f', background: '#162312' },
  at_risk: { fill: '#faad14', text: '#ffd666', background: '#2b2111' },
  off_track: { fill: '#f5222d', text: '#ff7875', background: '#2a1215' },
  insufficient_data: { fill: '#8c8c8c', text: '#d9d9d9', background: '#262626' },
  no_data: { fill: '#595959', text: '#a6a6a6', background: '#1f1f1f' },
};

export function statusPalette(status: TargetStatus, theme: 'light' | 'dark' = 'light'): StatusPalette {
  return (theme === 'dark' ? dark : light)[status];
}
