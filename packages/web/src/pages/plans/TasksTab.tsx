import { Card, Col, Empty, Row } from 'antd';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PlanTree } from './PlanTree.tsx';
import { TaskDetail } from './TaskDetail.tsx';
import type { PlanProgrammeView } from '@chuangcheng/core';

interface Props {
  programmes: PlanProgrammeView[];
  selectedNumber: string | null;
  onSelect: (taskNumber: string) => void;
}

/** The plan tree beside the selected task's detail. */
export function TasksTab({ programmes, selectedNumber, onSelect }: Props) {
  const t = useT();
  const task = programmes.flatMap((programme) => programme.tasks).find((item) => item.number === selectedNumber);
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="340px">
        <Card
          size="small"
          title={t('plans.tree')}
          styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
        >
          <PlanTree programmes={programmes} selectedNumber={selectedNumber} onSelect={onSelect} />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {task ? (
          <TaskDetail task={task} />
        ) : (
          <Card>
            <Empty description={t('plans.pickTask')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
