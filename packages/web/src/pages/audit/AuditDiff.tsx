import { Col, Row, Typography } from 'antd';
import type { AuditEntry } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import styles from './audit.module.css';

/** A recorded state: the row's fields, or null when there was none (a create's before, a delete's after). */
type Snapshot = Record<string, unknown> | null;

/** The API types a snapshot as any JSON; what is recorded is a row's fields. */
function snapshotOf(value: unknown): Snapshot {
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : null;
}

/** Keys whose values differ between the two snapshots (deep, via canonical text). */
function changedKeys(before: Snapshot, after: Snapshot): Set<string> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = new Set<string>();
  for (const key of keys) {
    if (JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])) changed.add(key);
  }
  return changed;
}

function SnapshotView({
  snapshot,
  changed,
  emptyText,
}: {
  snapshot: Snapshot;
  changed: Set<string>;
  emptyText: string;
}) {
  if (snapshot === null) {
    return (
      <div className={styles.json}>
        <Typography.Text type="secondary">{emptyText}</Typography.Text>
      </div>
    );
  }
  return (
    <pre className={styles.json}>
      {'{\n'}
      {Object.entries(snapshot).map(([key, value]) => (
        <div key={key} className={changed.has(key) ? styles.changed : undefined}>
          {`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`}
        </div>
      ))}
      {'}'}
    </pre>
  );
}

/** Before and after side by side; changed keys are highlighted on both sides. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const before = snapshotOf(entry.before);
  const after = snapshotOf(entry.after);
  const changed = changedKeys(before, after);
  return (
    <Row gutter={16} data-testid="audit-diff">
      <Col span={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <SnapshotView snapshot={before} changed={changed} emptyText={t('audit.noSnapshot')} />
      </Col>
      <Col span={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <SnapshotView snapshot={after} changed={changed} emptyText={t('audit.noSnapshot')} />
      </Col>
      {entry.requestId && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('audit.requestId', { id: entry.requestId })}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
