import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList } from '../../components/RecordDrawer.tsx';
import type { WorkRequirements } from '@chuangcheng/core';
import styles from './plans.module.css';

/** A setting the plan switches on or off, with the sentence it was read from as a tooltip. */
function Setting({ on, label, source }: { on: boolean; label: string; source: string }) {
  const t = useT();
  return (
    <Tooltip title={t('plans.quoted', { text: source })}>
      <Tag
        color={on ? 'blue' : undefined}
        icon={on ? <CheckCircleOutlined /> : <MinusCircleOutlined />}
        className={on ? undefined : 'no-data'}
      >
        {on ? label : t('plans.work.notRequired', { name: label })}
      </Tag>
    </Tooltip>
  );
}

/** 工作要求: each requirement's text, and the structured settings read from them. */
export function WorkRequirementsTab({ work }: { work: WorkRequirements }) {
  const t = useT();
  const { jointMeetings, cityWorkMeetings, evaluation, veto } = work;
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'meetings',
      label: t('plans.work.coordination'),
      children: (
        <Space size={[0, 6]} wrap>
          <Setting on={jointMeetings.required} label={t('plans.work.jointMeetings')} source={jointMeetings.text} />
          <Setting
            on={jointMeetings.liaisonMeetings}
            label={t('plans.work.liaisonMeetings')}
            source={jointMeetings.text}
          />
          {cityWorkMeetings && (
            <Setting
              on={cityWorkMeetings.required}
              label={t('plans.work.cityWorkMeetings')}
              source={cityWorkMeetings.text}
            />
          )}
        </Space>
      ),
    },
    {
      key: 'evaluation',
      label: t('plans.work.evaluation'),
      children: (
        <Space size={[0, 6]} wrap>
          <Setting
            on={evaluation.routineAssessment}
            label={t('plans.work.routineAssessment')}
            source={evaluation.text}
          />
          <Setting
            on={evaluation.yearEndEvaluation}
            label={t('plans.work.yearEndEvaluation')}
            source={evaluation.text}
          />
        </Space>
      ),
    },
    {
      key: 'framework',
      label: t('plans.work.framework'),
      children: <Tag color="geekblue">{evaluation.framework}</Tag>,
    },
    {
      key: 'veto',
      label: t('plans.work.veto'),
      children: (
        <Tooltip title={t('plans.quoted', { text: veto.text })} placement="topLeft">
          <Space size={[0, 6]} wrap data-testid="plan-veto">
            {veto.categories.map((category) => (
              <Tag key={category} color="red">
                {category}
              </Tag>
            ))}
            {veto.openList && <Tag>{t('plans.work.vetoOpenList')}</Tag>}
          </Space>
        </Tooltip>
      ),
    },
    {
      key: 'vetoNegativeList',
      label: t('plans.work.vetoNegativeList'),
      children:
        (veto.negativeList ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t('plans.work.vetoNotLinked')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2} data-testid="plan-veto-negative-list">
            {(veto.negativeList ?? []).map((link) => (
              <Typography.Text key={`${link.category}-${link.code}`}>
                {t('plans.work.vetoLink', { category: link.category, code: link.code, name: link.name })}
              </Typography.Text>
            ))}
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-work">
      <Card size="small" title={t('plans.work.settings')}>
        <FactList labelWidth={160} items={items} />
      </Card>
      <Card>
        {work.requirements.map((requirement, index) => (
          <div key={requirement.title}>
            <Typography.Title level={5} className={index > 0 ? styles.sectionTitle : styles.firstTitle}>
              {t('plans.work.numbered', { number: index + 1, title: requirement.title })}
            </Typography.Title>
            <Typography.Paragraph className={styles.text}>{requirement.text}</Typography.Paragraph>
          </div>
        ))}
      </Card>
    </Space>
  );
}
