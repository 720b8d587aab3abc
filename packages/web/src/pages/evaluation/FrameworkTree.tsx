import { useMemo } from 'react';
import { Tag, Tree, type TreeDataNode } from 'antd';
import type { FrameworkDocument } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { branchPoints, nodeKey, type NodeRef } from './framework-tree.ts';
import { methodKeys } from './labels.ts';
import { formatPoints } from './score-format.ts';
import styles from './evaluation.module.css';

interface Props {
  document: FrameworkDocument;
  selected: NodeRef | null;
  onSelect: (key: string) => void;
}

/** 测评项目 → 测评内容 → 测评标准 with the points of each branch and the method of each standard. */
export function FrameworkTree({ document, selected, onSelect }: Props) {
  const t = useT();
  const treeData = useMemo<TreeDataNode[]>(
    () =>
      document.projects.map((project) => ({
        key: nodeKey({ kind: 'project', code: project.code }),
        title: (
          <span className={styles.treeNode} data-testid={`framework-node-${project.code}`}>
            <span className={styles.code}>{project.code}</span>
            <strong>{project.name}</strong>
            {project.part === 'minors' && <Tag color="purple">{t('evaluation.part.minors')}</Tag>}
            <span className={styles.points}>{formatPoints(branchPoints(project))}</span>
          </span>
        ),
        children: project.contents.map((content) => ({
          key: nodeKey({ kind: 'content', code: content.code }),
          title: (
            <span className={styles.treeNode} data-testid={`framework-node-${content.code}`}>
              <span className={styles.code}>{content.code}</span>
              {content.name}
              <span className={styles.points}>{formatPoints(branchPoints(content))}</span>
            </span>
          ),
          children: content.standards.map((standard) => ({
            key: nodeKey({ kind: 'standard', code: standard.code }),
            isLeaf: true,
            title: (
              <span className={styles.treeNode} data-testid={`framework-node-${standard.code}`}>
                <span className={styles.code}>{standard.code}</span>
                <span className={styles.standardText}>{standard.text}</span>
                <Tag className={styles.methodTag}>{t(methodKeys[standard.method])}</Tag>
                <span className={styles.points}>{formatPoints(standard.points)}</span>
              </span>
            ),
          })),
        })),
      })),
    [document, t],
  );
  return (
    <Tree
      blockNode
      showLine
      className={styles.tree}
      treeData={treeData}
      defaultExpandAll
      // Virtual scrolling: an edition of some 300 standards stays quick to open and scroll.
      height={640}
      selectedKeys={selected ? [nodeKey(selected)] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
      data-testid="framework-tree"
    />
  );
}
