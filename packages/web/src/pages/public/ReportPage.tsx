import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Cascader, Form, Input, List, Result, Tag, Typography } from 'antd';
import type { CaseCategory, DuplicateCandidate, IntakeResponse, PublicCaseIntake } from '@chuangcheng/core';
import { ApiError, api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PhotoPicker } from '../cases/PhotoPicker.tsx';
import { usePhotoUploads } from '../cases/usePhotoUploads.ts';
import { categoryOptions, matchesCategory, timeLimitText } from '../cases/categories.ts';
import { formatTime } from '../cases/format.ts';
import { LocationField } from './LocationField.tsx';
import { reportedProblem, type ReportFields } from './reported-problem.ts';
import { draftKey, finishDraft, rememberReport } from './report-draft.ts';
import { usePublicTitle } from './publisher.tsx';
import styles from './public.module.css';
import { useNearbyCases, usePublicCategories } from './api.ts';
import { requiredChoice, requiredText } from '../../components/form-rules.ts';

type Values = ReportFields;

const MAX_PHOTOS = 6;

const NO_CATEGORIES: CaseCategory[] = [];
const NO_NEARBY: DuplicateCandidate[] = [];

/** 随手拍: a resident reports a problem without an account, from a phone. */
export default function ReportPage() {
  const t = useT();
  const showError = useApiError();
  usePublicTitle('public.title.report');
  const [form] = Form.useForm<Values>();
  const photos = usePhotoUploads('/api/v1/public/case-photos');
  const categoryList = usePublicCategories();
  const categories = categoryList.data?.items ?? NO_CATEGORIES;
  const [busy, setBusy] = useState(false);
  const [lostAnswer, setLostAnswer] = useState(false);
  const [done, setDone] = useState<{ answer: IntakeResponse; categoryName: string } | null>(null);

  const chosen = Form.useWatch('category', form);
  const location = Form.useWatch('location', form);
  const categoryCode = chosen?.[1];
  const category = categories.find((item) => item.code === categoryCode);
  const options = useMemo(() => categoryOptions(categories), [categories]);

  // Open cases of the same kind nearby: the resident may be about to report one of them again.
  // Silent: without suggestions the report goes on as before.
  const nearby = useNearbyCases(categoryCode, location, { silent: true }).data?.items ?? NO_NEARBY;

  const submit = async (values: Values) => {
    const problem = reportedProblem(values, photos.ids);
    if (!problem) {
      form.setFields([{ name: 'location', errors: [t('case.location.required')] }]);
      return;
    }
    const body: PublicCaseIntake = {
      ...problem,
      // The same key on every attempt of this draft: a retry never makes a second case.
      idempotencyKey: draftKey(sessionStorage),
    };
    setBusy(true);
    try {
      const answer = await api.post<IntakeResponse>('/api/v1/public/cases', body);
      setLostAnswer(false);
      finishDraft(sessionStorage);
      const categoryName = category?.name ?? '';
      rememberReport(localStorage, {
        number: answer.number,
        token: answer.trackingToken,
        reportedAt: new Date().toISOString(),
        categoryName,
      });
      setDone({ answer, categoryName });
      window.scrollTo(0, 0);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        // No answer at all: the case may exist. Trying again with the same key is safe.
        setLostAnswer(true);
        return;
      }
      // Refused as invalid, so no attempt with this content made a case: it may be corrected.
      if (error.status === 400) setLostAnswer(false);
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={t('case.report.done')}
          subTitle={t('case.report.keepNumber')}
          extra={[
            <Link key="track" to={`/track/${done.answer.number}?t=${encodeURIComponent(done.answer.trackingToken)}`}>
              <Button type="primary" size="large" data-testid="report-track">
                {t('case.report.track')}
              </Button>
            </Link>,
            <Button
              key="again"
              size="large"
              onClick={() => {
                form.resetFields();
                photos.clear();
                setDone(null);
              }}
            >
              {t('case.report.another')}
            </Button>,
          ]}
        >
          <div style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('case.number')}</Typography.Text>
            <div className={styles.caseNumber} data-testid="report-number">
              {done.answer.number}
            </div>
            <Typography.Text type="secondary">{t('case.report.code')}</Typography.Text>
            <Typography.Paragraph copyable data-testid="report-code">
              {done.answer.trackingToken}
            </Typography.Paragraph>
            <Typography.Paragraph data-testid="report-deadline">
              {t('case.report.deadline', { time: formatTime(done.answer.deadline) })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {done.categoryName} · {done.answer.regionName}
            </Typography.Paragraph>
          </div>
        </Result>
      </Card>
    );
  }

  return (
    // After a lost answer the report is frozen as sent: a retry must carry the same content under
    // the same key (the server refuses a changed body with that key), so only Submit stays active.
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      size="large"
      disabled={lostAnswer}
      // Centred, so that the field with the error is never under the sticky submit bar.
      scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
    >
      <Card title={t('case.report.what')}>
        <Form.Item
          name="category"
          label={t('public.report.categoryLabel')}
          rules={requiredChoice(t('case.report.categoryRequired'))}
        >
          <Cascader
            options={options}
            placeholder={t('public.report.categorySearch')}
            // Names, descriptions and the residents' own words (小广告, 牛皮癣 …) from categories.yaml.
            showSearch={{ filter: matchesCategory, limit: 20 }}
            expandTrigger="click"
            data-testid="report-category"
          />
        </Form.Item>
        {category && (
          <Typography.Paragraph type="secondary">
            {category.description} · {t('case.report.timeLimit', { limit: timeLimitText(category, t) })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="description"
          label={t('public.report.descriptionLabel')}
          rules={requiredText(t('case.report.descriptionRequired'))}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('case.report.descriptionPlaceholder')}
            data-testid="report-description"
          />
        </Form.Item>
      </Card>
      <Card
        title={t('case.report.photos')}
        extra={<Typography.Text type="secondary">{t('case.report.photosHint')}</Typography.Text>}
      >
        <PhotoPicker photos={photos} max={MAX_PHOTOS} disabled={lostAnswer} testId="report-photos" />
      </Card>
      <Card title={t('case.report.where')}>
        <Form.Item name="location" style={{ marginBottom: 0 }}>
          <LocationField />
        </Form.Item>
      </Card>
      {nearby.length > 0 && (
        <Card title={t('case.report.similarTitle')} data-testid="report-similar">
          <Typography.Paragraph type="secondary">{t('case.report.similarHint')}</Typography.Paragraph>
          <List
            dataSource={nearby}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {item.number} <Tag>{t(`case.status.${item.status}`)}</Tag>
                    </>
                  }
                  description={`${item.description} · ${t('case.report.distance', { metres: Math.round(item.distanceMetres) })}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card
        title={t('case.report.contact')}
        extra={<Typography.Text type="secondary">{t('case.report.optional')}</Typography.Text>}
      >
        <Typography.Paragraph type="secondary">{t('case.report.contactHint')}</Typography.Paragraph>
        <Form.Item name="contactName" label={t('case.report.contactName')}>
          <Input maxLength={50} autoComplete="name" data-testid="report-contact-name" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('case.report.contactPhone')} style={{ marginBottom: 0 }}>
          <Input maxLength={20} inputMode="tel" autoComplete="tel" data-testid="report-contact-phone" />
        </Form.Item>
      </Card>
      <div className={styles.submitBar}>
        {lostAnswer && (
          <Alert
            type="warning"
            showIcon
            title={t('case.report.lostAnswer')}
            style={{ marginBottom: 8 }}
            data-testid="report-lost-answer"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          className={styles.bigButton}
          loading={busy}
          disabled={photos.uploading && !lostAnswer}
          data-testid="report-submit"
        >
          {photos.uploading ? t('case.report.uploading') : t('case.report.submit')}
        </Button>
      </div>
    </Form>
  );
}
