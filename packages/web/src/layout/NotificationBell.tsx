import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { api } from '../api/client.ts';
import { useApiError } from '../api/useApiError.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { AppNotification } from '@chuangcheng/core';
import { formatTime } from '../pages/supervision/StatusTag.tsx';
import styles from './layout.module.css';
import { useNotifications } from '../pages/supervision/api.ts';

const POLL_MS = 60_000;

/** The server links to its subjects (`/notices/<id>`, `/meetings/<id>`); these are their pages. */
function pageFor(link: string): string {
  const [, kind, id] = link.split('/');
  if (kind === 'notices' && id) return `/supervision/notices?id=${id}`;
  if (kind === 'meetings' && id) return `/supervision/meetings?id=${id}`;
  if (kind === 'tasks' || kind === 'action-items') return '/workbench';
  return link;
}

/** The organisation's in-app reminders: unread count on the bell, the latest in a dropdown. */
export function NotificationBell() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  // A reminder list that fails to load must not disturb the page (silent); the next poll retries.
  const { data, reload: load } = useNotifications(Boolean(me.orgUnitId), { silent: true, refetchEvery: POLL_MS });
  const items = data?.items ?? [];
  const unread = data?.unread ?? 0;

  const read = async (item: AppNotification) => {
    try {
      // The write refetches the list (every write invalidates the query cache).
      if (!item.readAt) await api.post(`/api/v1/notifications/${item.id}/read`);
      // Task reminders carry no link: the unit's tasks are on its workbench.
      const target = item.link ? pageFor(item.link) : item.subjectType === 'plan_task' ? '/workbench' : null;
      if (target) {
        setOpen(false);
        navigate(target);
      }
    } catch (error) {
      showError(error);
    }
  };

  const readAll = async () => {
    try {
      await api.post('/api/v1/notifications/read-all');
    } catch (error) {
      showError(error);
    }
  };

  const content = (
    <div className={styles.notifications} data-testid="notifications-list">
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(me.orgUnitId ? 'notifications.none' : 'notifications.noOrganisation')}
        />
      ) : (
        <List<AppNotification>
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item className={item.readAt ? styles.read : styles.unread} onClick={() => void read(item)}>
              <List.Item.Meta
                title={item.title}
                description={
                  <span>
                    {item.body && <span>{item.body} · </span>}
                    {formatTime(item.createdAt)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && me.orgUnitId) load();
      }}
      trigger="click"
      placement="bottomRight"
      title={
        <div className={styles.notificationsTitle}>
          <Typography.Text strong>{t('notifications.title')}</Typography.Text>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => void readAll()} data-testid="notifications-read-all">
              {t('notifications.readAll')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          className={styles.headerText}
          aria-label={t('notifications.title')}
          data-testid="notifications"
        />
      </Badge>
    </Popover>
  );
}
