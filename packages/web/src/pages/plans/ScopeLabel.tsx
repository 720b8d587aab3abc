import { Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useGroupNames } from './group-names.ts';
import { scopeInWords } from './target-format.ts';
import type { TargetScope } from '@chuangcheng/core';
import styles from './plans.module.css';

/** A scope in words; how the seed's wording was read (the note) is a tooltip. */
export function ScopeLabel({ scope }: { scope: TargetScope }) {
  const t = useT();
  const groupNames = useGroupNames();
  const words = scopeInWords(scope, t, groupNames);
  if (!scope.note) return <span>{words}</span>;
  return (
    <Tooltip title={t('plans.scope.note', { note: scope.note })}>
      <span className={styles.noted} data-testid="plan-scope-noted">
        {words}
      </span>
    </Tooltip>
  );
}

/** A small info icon whose tooltip carries a reading note. */
export function NoteIcon({ note }: { note: string }) {
  return (
    <Tooltip title={note}>
      <InfoCircleOutlined className={styles.noteIcon} />
    </Tooltip>
  );
}
