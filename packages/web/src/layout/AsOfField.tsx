import { Button, Input, Space, Tooltip } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useT } from '../i18n/I18nProvider.tsx';
import { useAsOfState } from './AsOfProvider.tsx';
import styles from './layout.module.css';

/** The header's one place to see and change the session's "as of" date. */
export function AsOfField() {
  const t = useT();
  const state = useAsOfState();
  if (!state) return null;
  return (
    <Space size={4} className={styles.asOf}>
      <label htmlFor="session-as-of" className={styles.asOfLabel}>
        {t('shell.asOf')}
      </label>
      <Tooltip title={t(`shell.asOfBasis.${state.basis}`, { date: state.defaultAsOf })}>
        <Input
          id="session-as-of"
          type="date"
          size="small"
          value={state.asOf}
          onChange={(event) => state.setAsOf(event.target.value || null)}
          className={styles.asOfInput}
          data-testid="session-as-of"
        />
      </Tooltip>
      {state.basis === 'chosen' && (
        <Button
          size="small"
          type="text"
          icon={<UndoOutlined />}
          className={styles.headerText}
          aria-label={t('shell.asOfReset', { date: state.defaultAsOf })}
          title={t('shell.asOfReset', { date: state.defaultAsOf })}
          onClick={() => state.setAsOf(null)}
          data-testid="session-as-of-reset"
        />
      )}
    </Space>
  );
}
