import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Layout, Popconfirm, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useMe } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useApiError } from '../api/useApiError.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { AsOfField } from './AsOfField.tsx';
import styles from './layout.module.css';

export function AppHeader() {
  const me = useMe();
  const { logout } = useAuth();
  const t = useT();
  const showError = useApiError();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await logout(everywhere);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout.Header className={styles.header}>
      <div className={styles.brand}>
        <span className={styles.brandMark}>{t('app.name')}</span>
        <span className={styles.brandSub}>{t('app.subtitle')}</span>
      </div>
      <Space size="middle" className={styles.headerRight}>
        <AsOfField />
        <span data-testid="current-user" className={styles.user}>
          <UserOutlined />
          <Typography.Text strong className={styles.userName}>
            {me.displayName}
          </Typography.Text>
          <Tag color="blue">{t(`role.${me.role}`)}</Tag>
          <Typography.Text className={styles.userScope}>{me.regionName}</Typography.Text>
        </span>
        <NotificationBell />
        <LanguageSwitch />
        <Button
          size="small"
          icon={<LogoutOutlined />}
          loading={busy}
          onClick={() => void signOut(false)}
          data-testid="logout"
        >
          {t('auth.logout')}
        </Button>
        <Popconfirm
          title={t('auth.logoutAllConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => signOut(true)}
        >
          <Button size="small" type="text" className={styles.headerText} data-testid="logout-all">
            {t('auth.logoutAll')}
          </Button>
        </Popconfirm>
      </Space>
    </Layout.Header>
  );
}
