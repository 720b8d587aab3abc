import { useState } from 'react';
import { Button, Input, InputNumber, Space, Typography } from 'antd';
import { awaitingReply, type Notice } from '@chuangcheng/core';
import { useT, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { StepNote } from './StepNote.tsx';

interface Props {
  notice: Notice;
  /** The viewer is the liaison of the addressed unit. */
  ours: boolean;
  /** The viewer is an office administrator (supervision.write). */
  office: boolean;
  busy: boolean;
  act: (path: string, body?: unknown) => Promise<void>;
  onReply: () => void;
}

/** The office's next step on a reply: review (审核), approve (领导审批), close (销号). */
const officeStep: Partial<Record<Notice['status'], { path: string; label: MessageKey }>> = {
  replied: { path: 'review', label: 'notices.review' },
  reviewed: { path: 'approve', label: 'notices.approve' },
  approved: { path: 'close', label: 'notices.close' },
};

/** A number of working days (1 to 60, whole days) asked for in a step; its label is its placeholder. */
function WorkingDays({
  label,
  width,
  value,
  onChange,
  testId,
}: {
  label: string;
  width: number;
  value: number | null;
  onChange: (days: number | null) => void;
  testId: string;
}) {
  return (
    <InputNumber
      min={1}
      max={60}
      precision={0}
      style={{ width }}
      placeholder={label}
      value={value}
      onChange={onChange}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/**
 * The steps of the 办结 chain the viewer may take next: the unit signs, replies (申请办结) or asks
 * for more time (延期申请); the office reviews (审核), approves (领导审批), sends back (退回重办,
 * with a reason), closes (销号) and decides extension requests.
 */
export function NoticeChainActions({ notice, ours, office, busy, act, onReply }: Props) {
  const t = useT();
  const [note, setNote] = useState('');
  const [extensionDue, setExtensionDue] = useState('');
  const [extensionDays, setExtensionDays] = useState<number | null>(null);
  const [returnDays, setReturnDays] = useState<number | null>(null);
  const [extensionReason, setExtensionReason] = useState('');
  const waiting = awaitingReply.includes(notice.status);
  const pending = notice.extension?.status === 'pending';
  const then = (path: string, body?: unknown) => act(path, body).then(() => setNote(''));
  const next = officeStep[notice.status];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="notice-actions">
      {ours && waiting && (
        <Space wrap>
          {notice.status === 'issued' && (
            <Button loading={busy} onClick={() => void act('acknowledge')} data-testid="notice-acknowledge">
              {t('notices.acknowledge')}
            </Button>
          )}
          <Button type="primary" onClick={onReply} data-testid="notice-apply-close">
            {t('notices.applyClose')}
          </Button>
        </Space>
      )}
      {ours && waiting && !pending && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            type="date"
            style={{ width: 170 }}
            value={extensionDue}
            onChange={(event) => setExtensionDue(event.target.value)}
            aria-label={t('notices.extensionDue')}
            data-testid="notice-extension-due"
          />
          <WorkingDays
            label={t('notices.extensionWorkingDays')}
            width={150}
            value={extensionDays}
            onChange={setExtensionDays}
            testId="notice-extension-working-days"
          />
          <Input
            placeholder={t('notices.extensionReason')}
            value={extensionReason}
            onChange={(event) => setExtensionReason(event.target.value)}
            data-testid="notice-extension-reason"
          />
          <Button
            loading={busy}
            onClick={() =>
              void act('extension', {
                ...(extensionDays ? { requestedWorkingDays: extensionDays } : { requestedDue: extensionDue }),
                reason: extensionReason,
              })
            }
            data-testid="notice-extension-request"
          >
            {t('notices.requestExtension')}
          </Button>
        </Space.Compact>
      )}
      {office && (next || (waiting && pending)) && (
        <StepNote
          rows={2}
          placeholder={t('notices.chainNote')}
          value={note}
          onChange={setNote}
          testId="notice-note"
          wrap
        >
          {next && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void then(next.path, { note })}
              data-testid={`notice-${next.path}`}
            >
              {t(next.label)}
            </Button>
          )}
          {next && (
            <Space.Compact>
              <WorkingDays
                label={t('notices.returnWorkingDays')}
                width={190}
                value={returnDays}
                onChange={setReturnDays}
                testId="notice-return-working-days"
              />
              <Button
                danger
                loading={busy}
                onClick={() =>
                  void then('return', { reason: note, ...(returnDays ? { replyWorkingDays: returnDays } : {}) })
                }
                data-testid="notice-return"
              >
                {t('notices.return')}
              </Button>
            </Space.Compact>
          )}
          {waiting && pending && (
            <>
              <Typography.Text>
                {t('notices.extensionAsked', {
                  due: notice.extension!.requestedDue,
                  reason: notice.extension!.reason,
                })}
              </Typography.Text>
              <Button
                loading={busy}
                onClick={() => void then('extension/decision', { approve: true, note })}
                data-testid="notice-extension-approve"
              >
                {t('notices.extensionApprove')}
              </Button>
              <Button
                danger
                loading={busy}
                onClick={() => void then('extension/decision', { approve: false, note })}
                data-testid="notice-extension-refuse"
              >
                {t('notices.extensionRefuse')}
              </Button>
            </>
          )}
        </StepNote>
      )}
    </Space>
  );
}
