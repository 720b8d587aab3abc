import { useState } from 'react';
import { Button, Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import type { FrameworkDetail } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';
import { useCan } from '../../auth/use-can.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FactList } from '../../components/RecordDrawer.tsx';
import { formatTime } from '../supervision/StatusTag.tsx';
import {
  branchPoints,
  findNode,
  nodeHistory,
  type FoundNode,
  type NodeHistoryEntry,
  type NodeRef,
} from './framework-tree.ts';
import { methodKeys, ruleKindKeys } from './labels.ts';
import { NodeEditModal } from './NodeEditModal.tsx';
import { ruleInWords } from './rule-format.ts';
import { formatPoints } from './score-format.ts';

interface Props {
  framework: FrameworkDetail;
  selected: NodeRef | null;
  onSaved: (framework: FrameworkDetail) => void;
}

/** The selected node's fields, its edit form and the versions that changed it. */
export function NodeDetail({ framework, selected, onSaved }: Props) {
  const t = useT();
  const mayManage = useCan('evaluation.manage');
  const showError = useApiError();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<{ key: string; entries: NodeHistoryEntry[] } | null>(null);
  const [loadingHistory, setLoadingHistory] = useState(false);

  const found = selected ? findNode(framework.document, selected) : null;
  if (!selected || !found) {
    return (
      <Card size="small">
        <Empty description={t('evaluation.node.pick')} />
      </Card>
    );
  }
  const historyKey = `${framework.id}:${framework.version}:${selected.kind}:${selected.code}`;

  const loadHistory = async () => {
    setLoadingHistory(true);
    try {
      // Each stored version's document, so the node can be compared version by version.
      const documents = await Promise.all(
        framework.versions.map(async (version) => {
          const detail =
            version.version === framework.version
              ? framework
              : await api.get<FrameworkDetail>(
                  `/api/v1/evaluation/frameworks/${framework.id}?version=${version.version}`,
                );
          return { ...version, document: detail.document };
        }),
      );
      setHistory({ key: historyKey, entries: nodeHistory(documents, selected).reverse() });
    } catch (error) {
      showError(error);
    } finally {
      setLoadingHistory(false);
    }
  };

  const shownHistory = history?.key === historyKey ? history.entries : null;
  const siteNames = new Map(framework.document.siteTypes.map((site) => [site.code, site.name]));

  return (
    <Card
      size="small"
      title={
        <Space>
          <Tag>{t(`evaluation.node.${selected.kind}`)}</Tag>
          <span data-testid="node-title">{found.standard?.text ?? found.content?.name ?? found.project.name}</span>
        </Space>
      }
      extra={
        mayManage && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="node-edit">
            {t('common.edit')}
          </Button>
        )
      }
      data-testid="node-detail"
    >
      <FactList labelWidth={110} items={nodeItems(found)} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Button
          size="small"
          icon={<HistoryOutlined />}
          loading={loadingHistory}
          onClick={() => void loadHistory()}
          data-testid="node-history-load"
        >
          {t('evaluation.node.history')}
        </Button>
        {shownHistory && (
          <Timeline
            data-testid="node-history"
            items={shownHistory.map((entry) => ({
              color: entry.change === 'removed' ? 'red' : entry.change === 'added' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>
                    {t('evaluation.framework.versionTag', { version: entry.version })} ·{' '}
                    {t(`evaluation.node.change.${entry.change}`)}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {entry.createdBy} {formatTime(entry.createdAt)}
                  </Typography.Text>
                  <div>{entry.note}</div>
                  {entry.change === 'changed' && (
                    <Typography.Text type="secondary">
                      {summary(entry.before)} → {summary(entry.after)}
                    </Typography.Text>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Space>
      <NodeEditModal
        open={editing}
        framework={framework}
        node={found}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          onSaved(saved);
        }}
      />
    </Card>
  );

  function nodeItems(node: FoundNode) {
    const project = {
      key: 'project',
      label: t('evaluation.node.project'),
      children: `${node.project.code} ${node.project.name}`,
    };
    const standard = node.standard;
    if (!node.content) {
      return [
        { key: 'code', label: t('evaluation.node.code'), children: node.project.code },
        { key: 'name', label: t('evaluation.node.name'), children: node.project.name },
        { key: 'part', label: t('evaluation.node.part'), children: t(`evaluation.part.${node.project.part}`) },
        { key: 'points', label: t('evaluation.node.points'), children: formatPoints(branchPoints(node.project)) },
      ];
    }
    if (!standard) {
      return [
        project,
        { key: 'code', label: t('evaluation.node.code'), children: node.content.code },
        { key: 'name', label: t('evaluation.node.name'), children: node.content.name },
        { key: 'points', label: t('evaluation.node.points'), children: formatPoints(branchPoints(node.content)) },
      ];
    }
    const path = [
      project,
      { key: 'content', label: t('evaluation.node.content'), children: `${node.content.code} ${node.content.name}` },
    ];
    return [
      ...path,
      { key: 'code', label: t('evaluation.node.code'), children: standard.code },
      { key: 'text', label: t('evaluation.node.text'), children: standard.text },
      { key: 'points', label: t('evaluation.node.points'), children: formatPoints(standard.points) },
      { key: 'method', label: t('evaluation.node.method'), children: t(methodKeys[standard.method]) },
      {
        key: 'rule',
        label: t('evaluation.node.rule'),
        children: `${t(ruleKindKeys[standard.rule.kind])}：${ruleInWords(standard.rule, t)}`,
      },
      {
        key: 'sites',
        label: t('evaluation.node.siteTypes'),
        children:
          standard.siteTypes.length === 0
            ? '—'
            : standard.siteTypes.map((code) => <Tag key={code}>{siteNames.get(code) ?? code}</Tag>),
      },
    ];
  }

  function summary(node: FoundNode | null): string {
    if (!node) return '—';
    if (node.standard) {
      return `${node.standard.text} · ${formatPoints(node.standard.points)} · ${t(methodKeys[node.standard.method])} · ${ruleInWords(node.standard.rule, t)}`;
    }
    return node.content?.name ?? node.project.name;
  }
}
