import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { titleStatusColours, titleStatusKeys } from './labels.ts';
import type { TitleStateItem } from './types.ts';

/** A title's status at a date, with how long a suspension or bar lasts and, on hover, why. */
export function StateTag({ state, testId }: { state: TitleStateItem; testId?: string }) {
  const t = useT();
  const until = state.until ?? state.barredUntil;
  const tag = (
    <Tag color={titleStatusColours[state.status]} data-testid={testId}>
      {t(titleStatusKeys[state.status])}
      {until && ` ${t('evaluation.titles.until', { date: until })}`}
    </Tag>
  );
  return state.reason ? <Tooltip title={state.reason}>{tag}</Tooltip> : tag;
}
