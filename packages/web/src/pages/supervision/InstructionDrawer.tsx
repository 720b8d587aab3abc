import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Checkbox, Space, Timeline, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList, RecordDrawer } from '../../components/RecordDrawer.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { AttachmentUpload } from './AttachmentUpload.tsx';
import { InstructionNoticeModal } from './InstructionNoticeModal.tsx';
import { InstructionStatusTag } from './InstructionStatusTag.tsx';
import { StepNote } from './StepNote.tsx';
import { formatTime } from './StatusTag.tsx';
import type { InstructionDetail } from '@chuangcheng/core';
import { useCurrentPlan } from '../plans/api.ts';
import { useInstruction } from './api.ts';

interface Props {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

const stepColour: Record<InstructionDetail['timeline'][number]['action'], string> = {
  create: 'blue',
  sign: 'cyan',
  report: 'purple',
  return: 'orange',
  accept: 'green',
};

/**
 * One 领导批示: what the leader instructed, who handles it, the 办理过程 (signing, reports, returns
 * with their reasons, the closing), and the steps the server says the viewer may take.
 */
export function InstructionDrawer({ id, onClose, onChanged }: Props) {
  const t = useT();
  const showError = useApiError();
  const me = useMe();
  const mayWrite = useCan('supervision.write');
  const { data: instruction, replace: setInstruction } = useInstruction(id);
  const [text, setText] = useState('');
  const [interim, setInterim] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const plan = useCurrentPlan();

  const current = instruction && instruction.id === id ? instruction : null;
  // The office attaches the original document; the lead unit its evidence (the server decides scope).
  const office = mayWrite && me.role !== 'unit_officer';

  const act = async (path: string, body?: unknown) => {
    if (!current) return;
    setBusy(true);
    try {
      setInstruction(await api.post<InstructionDetail>(`/api/v1/supervision/instructions/${current.id}/${path}`, body));
      setText('');
      setInterim(false);
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const allowed = (action: InstructionDetail['allowedActions'][number]) =>
    current?.allowedActions.includes(action) ?? false;
  const stepLabel = (step: InstructionDetail['timeline'][number]) =>
    step.action === 'report'
      ? t(step.final ? 'instructions.step.finalReport' : 'instructions.step.interimReport')
      : t(`instructions.step.${step.action}`);

  return (
    <>
      <RecordDrawer
        open={id !== null}
        onClose={onClose}
        size={640}
        record={current}
        title={(current) => `${current.leaderPost}${current.leaderName} · ${t('instructions.instruction')}`}
        extra={(current) => <InstructionStatusTag status={current.status} overdue={current.overdue} />}
        testId="instruction-drawer"
      >
        {(current) => (
          <>
            <FactList
              labelWidth={120}
              items={[
                {
                  key: 'leader',
                  label: t('instructions.leader'),
                  children: `${current.leaderPost} ${current.leaderName}`,
                },
                { key: 'on', label: t('instructions.instructedOn'), children: current.instructedOn },
                { key: 'document', label: t('instructions.documentTitle'), children: current.documentTitle || '—' },
                {
                  key: 'content',
                  label: t('instructions.content'),
                  children: <Typography.Paragraph style={{ marginBottom: 0 }}>{current.content}</Typography.Paragraph>,
                },
                { key: 'office', label: t('instructions.issuingOffice'), children: current.issuingOffice.name },
                { key: 'lead', label: t('instructions.leadUnit'), children: current.leadUnit.name },
                {
                  key: 'assisting',
                  label: t('instructions.assistingUnits'),
                  children: current.assistingUnits.map((u) => u.name).join('、') || '—',
                },
                { key: 'due', label: t('instructions.replyDue'), children: current.replyDue },
                {
                  key: 'task',
                  label: t('instructions.task'),
                  children: current.task ? `${current.task.number} ${current.task.title}` : '—',
                },
              ]}
            />
            <div>
              <Typography.Title level={5}>{t('instructions.timeline')}</Typography.Title>
              <Timeline
                data-testid="instruction-timeline"
                items={current.timeline.map((step) => ({
                  color: stepColour[step.action],
                  content: (
                    <div>
                      <Typography.Text strong>{stepLabel(step)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {formatTime(step.at)} · {step.orgUnit ? `${step.orgUnit.name} ` : ''}
                        {step.actor}
                      </Typography.Text>
                      {step.text && step.action !== 'create' && (
                        <Typography.Paragraph style={{ marginBottom: 0 }}>{step.text}</Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
              />
            </div>
            <div data-testid="instruction-notices">
              <Typography.Title level={5}>{t('instructions.notices')}</Typography.Title>
              <Space orientation="vertical">
                {current.notices.map((notice) => (
                  <Link key={notice.id} to={`/supervision/notices?id=${notice.id}`}>
                    {notice.number}
                  </Link>
                ))}
                {current.notices.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
                {office && current.status !== 'closed' && (
                  <Button size="small" onClick={() => setIssuing(true)} data-testid="instruction-to-notice">
                    {t('instructions.toNotice')}
                  </Button>
                )}
              </Space>
            </div>
            <div>
              <Typography.Title level={5}>{t('instructions.files')}</Typography.Title>
              <Space orientation="vertical">
                <AttachmentList attachments={current.attachments} testId="instruction-files" />
                {current.status !== 'closed' && (current.allowedActions.length > 0 || office) && (
                  <AttachmentUpload
                    url={`/api/v1/supervision/instructions/${current.id}/attachments`}
                    onUploaded={(file) => setInstruction({ ...current, attachments: [...current.attachments, file] })}
                    testId="instruction-upload"
                  />
                )}
              </Space>
            </div>
            {current.allowedActions.length > 0 && (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="instruction-actions">
                {allowed('sign') && (
                  <Button loading={busy} onClick={() => void act('sign')} data-testid="instruction-sign">
                    {t('instructions.sign')}
                  </Button>
                )}
                {allowed('report') && (
                  <StepNote
                    rows={3}
                    placeholder={t('instructions.reportPlaceholder')}
                    value={text}
                    onChange={setText}
                    testId="instruction-report-text"
                  >
                    <Checkbox checked={interim} onChange={(event) => setInterim(event.target.checked)}>
                      {t('instructions.interim')}
                    </Checkbox>
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() => void act('report', { text, final: !interim })}
                      data-testid="instruction-report"
                    >
                      {t('instructions.report')}
                    </Button>
                  </StepNote>
                )}
                {(allowed('accept') || allowed('return')) && (
                  <StepNote
                    rows={2}
                    placeholder={t('instructions.notePlaceholder')}
                    value={text}
                    onChange={setText}
                    testId="instruction-note"
                  >
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() => void act('accept', { note: text })}
                      data-testid="instruction-accept"
                    >
                      {t('instructions.accept')}
                    </Button>
                    <Button
                      danger
                      loading={busy}
                      onClick={() => void act('return', { reason: text })}
                      data-testid="instruction-return"
                    >
                      {t('instructions.return')}
                    </Button>
                  </StepNote>
                )}
              </Space>
            )}
          </>
        )}
      </RecordDrawer>
      <InstructionNoticeModal
        instructionId={issuing && current ? current.id : null}
        plan={plan}
        onClose={() => setIssuing(false)}
        onSaved={() => {
          // Issuing refetches the instruction (every write invalidates the query cache).
          setIssuing(false);
        }}
      />
    </>
  );
}
