import { Link } from 'react-router';
import { Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useAsOf } from '../../layout/AsOfProvider.tsx';
import { roundStatusKeys } from '../evaluation/labels.ts';
import type { WorkbenchItem, WorkbenchSection } from '@chuangcheng/core';
import styles from './home.module.css';
import { useWorkbench } from './api.ts';

function DueTag({ item }: { item: WorkbenchItem }) {
  const t = useT();
  if (!item.due) return null;
  return (
    <Tag className={item.overdue ? styles.dueLate : styles.due}>
      {t(item.overdue ? 'shell.home.overdueSince' : 'shell.home.dueOn', { date: item.due })}
    </Tag>
  );
}

function SectionCard({ section }: { section: WorkbenchSection }) {
  const t = useT();
  // A round's detail is its status, a code: shown as its word.
  const detailOf = (item: WorkbenchItem) =>
    section.key === 'rounds' && item.detail && item.detail in roundStatusKeys
      ? t(roundStatusKeys[item.detail as keyof typeof roundStatusKeys])
      : item.detail;
  const count = section.capped ? `${section.total}+` : String(section.total);
  return (
    <Card
      size="small"
      title={
        <span>
          {t(`shell.home.section.${section.key}`)}{' '}
          <Typography.Text type="secondary" className={styles.count}>
            {t('shell.home.count', { count })}
          </Typography.Text>
        </span>
      }
      extra={
        <Link to={section.link} data-testid={`home-all-${section.key}`}>
          {t('shell.home.all')}
        </Link>
      }
      data-testid={`home-section-${section.key}`}
      className={styles.section}
    >
      <List<WorkbenchItem>
        dataSource={section.items}
        locale={{ emptyText: t(`shell.home.empty.${section.key}`) }}
        renderItem={(item) => (
          <List.Item extra={<DueTag item={item} />} data-testid={`home-item-${section.key}`}>
            <List.Item.Meta
              title={
                <Link to={item.link} className={styles.itemTitle}>
                  <span className={styles.reference}>{item.reference}</span> {item.title}
                </Link>
              }
              description={item.detail ? <span className={styles.detail}>{detailOf(item)}</span> : undefined}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 工作台: the landing page after sign-in; what needs this person as of the session's date. */
export default function HomePage() {
  const t = useT();
  const me = useMe();
  const asOf = useAsOf();
  const { data: bench, loading } = useWorkbench(asOf, {
    loadingWithoutUrl: true,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="home">
      <Card loading={loading && !bench}>
        <Typography.Title level={4} className={styles.title}>
          {t('shell.home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('shell.home.greeting', {
            name: me.displayName,
            role: t(`role.${me.role}`),
            region: me.orgUnitName ?? me.regionName,
            date: asOf ?? '',
          })}
        </Typography.Text>
        {bench && bench.figures.length > 0 && (
          <Row gutter={[16, 16]} className={styles.figures}>
            {bench.figures.map((figure) => (
              <Col key={figure.key} xs={12} md={8} xl={4}>
                <Link to={figure.link} data-testid={`home-figure-${figure.key}`} className={styles.figure}>
                  <Statistic
                    title={t(`shell.home.figure.${figure.key}`)}
                    value={figure.capped ? `${figure.value}+` : figure.value}
                    valueStyle={figure.alert ? { color: '#b3261e' } : undefined}
                  />
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {bench && bench.sections.length === 0 && (
        <Card>
          <Typography.Text type="secondary">{t('shell.home.nothing')}</Typography.Text>
        </Card>
      )}
      {bench && (
        <Row gutter={[16, 16]}>
          {bench.sections.map((section) => (
            <Col key={section.key} xs={24} xl={12}>
              <SectionCard section={section} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
