import { useMemo } from 'react';
import { Tree, type TreeDataNode } from 'antd';
import type { PlanProgrammeView } from '@chuangcheng/core';
import styles from './plans.module.css';

interface Props {
  programmes: PlanProgrammeView[];
  selectedNumber: string | null;
  onSelect: (taskNumber: string) => void;
}

const taskKey = (taskNumber: string) => `task:${taskNumber}`;

/** Programme → task; programmes only group, so only tasks can be selected. */
export function PlanTree({ programmes, selectedNumber, onSelect }: Props) {
  const treeData = useMemo<TreeDataNode[]>(
    () =>
      programmes.map((programme) => ({
        key: `programme:${programme.code}`,
        selectable: false,
        title: (
          <span className={styles.programme} data-testid={`plan-programme-${programme.code}`}>
            <span className={styles.taskNumber}>{programme.code}</span>
            {programme.title}
          </span>
        ),
        children: programme.tasks.map((task) => ({
          key: taskKey(task.number),
          isLeaf: true,
          title: (
            <span data-testid={`plan-task-${task.number}`}>
              <span className={styles.taskNumber}>{task.number}</span>
              {task.title}
            </span>
          ),
        })),
      })),
    [programmes],
  );
  const allKeys = useMemo(() => programmes.map((programme) => `programme:${programme.code}`), [programmes]);

  return (
    <Tree
      blockNode
      showLine
      className={styles.tree}
      treeData={treeData}
      defaultExpandedKeys={allKeys}
      selectedKeys={selectedNumber ? [taskKey(selectedNumber)] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key).slice('task:'.length));
      }}
      data-testid="plan-tree"
    />
  );
}
