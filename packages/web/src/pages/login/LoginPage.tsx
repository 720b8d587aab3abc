import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginRequest } from '@chuangcheng/core';
import { ApiError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import styles from './login.module.css';
import { requiredChoice } from '../../components/form-rules.ts';

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from === '/login' ? '/home' : state.from;
  }
  return '/home';
}

export default function LoginPage() {
  const { state: auth, login } = useAuth();
  const t = useT();
  const [form] = Form.useForm<LoginRequest>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const target = redirectTarget(location.state);

  if (auth.status === 'signed-in') return <Navigate to={target} replace />;

  const submit = async (values: LoginRequest) => {
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    try {
      await login(parsed.data);
      navigate(target, { replace: true });
    } catch (caught) {
      // The server localises the title (wrong password, account locked) from Accept-Language.
      setError(caught instanceof ApiError ? caught.title : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Card className={styles.card}>
        <Typography.Title level={3} className={styles.title}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className={styles.subtitle}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className={styles.alert} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={requiredChoice(t('login.usernameRequired'))}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={requiredChoice(t('login.passwordRequired'))}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
