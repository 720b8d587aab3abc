import { Button, Card, Form, Input, Radio, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgUnitSelect } from '../../components/OrgUnitSelect.tsx';
import { useModalForm } from '../../components/use-form-submit.ts';
import { OrgUnitMultiSelect } from './OrgUnitMultiSelect.tsx';
import { today } from './StatusTag.tsx';
import { requiredText } from '../../components/form-rules.ts';

interface ActionItemValues {
  title: string;
  description?: string;
  ownerOrgUnitId: string;
  due: string;
}

interface Values {
  kind: 'joint' | 'liaison';
  title: string;
  heldOn: string;
  location?: string;
  attendeeOrgUnitIds?: string[];
  minutes?: string;
  decisions?: string;
  actionItems?: ActionItemValues[];
}

interface Props {
  open: boolean;
  planCode: string;
  onClose: () => void;
  onSaved: () => void;
}

/** Records a 联席会议 or a 联络员例会 with its minutes, decisions and the action items it assigned. */
export function CreateMeetingModal({ open, planCode, onClose, onSaved }: Props) {
  const t = useT();
  const { form, submit } = useModalForm<Values>(open, async (values) => {
    await api.post('/api/v1/meetings', {
      planCode,
      kind: values.kind,
      title: values.title,
      heldOn: values.heldOn,
      location: values.location?.trim() || null,
      attendeeOrgUnitIds: values.attendeeOrgUnitIds ?? [],
      minutes: values.minutes ?? '',
      decisions: values.decisions ?? '',
      actionItems: (values.actionItems ?? []).map((item) => ({ ...item, description: item.description ?? '' })),
    });
    onSaved();
  });

  const required = requiredText(t('validation.required'));

  return (
    <FormModal open={open} title={t('meetings.create')} form={form} submit={submit} onClose={onClose} width={760}>
      <Form.Item name="kind" label={t('meetings.kind')} initialValue="joint">
        <Radio.Group
          options={(['joint', 'liaison'] as const).map((kind) => ({ value: kind, label: t(`meetings.kind.${kind}`) }))}
          data-testid="meeting-kind"
        />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.title')} rules={required}>
        <Input maxLength={500} data-testid="meeting-title" />
      </Form.Item>
      <Space size="large">
        <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={required} initialValue={today()}>
          <Input type="date" style={{ width: 180 }} data-testid="meeting-held-on" />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.location')}>
          <Input maxLength={500} style={{ width: 360 }} />
        </Form.Item>
      </Space>
      <Form.Item name="attendeeOrgUnitIds" label={t('meetings.attendees')}>
        <OrgUnitMultiSelect testId="meeting-attendees" />
      </Form.Item>
      <Form.Item name="minutes" label={t('meetings.minutes')}>
        <Input.TextArea rows={4} data-testid="meeting-minutes" />
      </Form.Item>
      <Form.Item name="decisions" label={t('meetings.decisions')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List name="actionItems">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('meetings.actionNumber', { number: index + 1 })}
                extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
              >
                <Form.Item name={[field.name, 'title']} label={t('meetings.actionTitle')} rules={required}>
                  <Input maxLength={500} data-testid={`meeting-action-title-${index}`} />
                </Form.Item>
                <Space size="large" align="start">
                  <div style={{ width: 300 }}>
                    <Form.Item name={[field.name, 'ownerOrgUnitId']} label={t('meetings.owner')} rules={required}>
                      <OrgUnitSelect testId={`meeting-action-owner-${index}`} />
                    </Form.Item>
                  </div>
                  <Form.Item name={[field.name, 'due']} label={t('meetings.due')} rules={required}>
                    <Input type="date" style={{ width: 180 }} data-testid={`meeting-action-due-${index}`} />
                  </Form.Item>
                </Space>
                <Form.Item name={[field.name, 'description']} label={t('meetings.description')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block data-testid="meeting-add-action">
              {t('meetings.addActionItem')}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}
