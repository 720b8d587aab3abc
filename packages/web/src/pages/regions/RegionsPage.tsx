import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Row, Space } from 'antd';
import type { RegionDetail as RegionDetailData } from '@chuangcheng/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RegionTree } from './RegionTree.tsx';
import { RegionDetail } from './RegionDetail.tsx';
import { RegionSearch } from './RegionSearch.tsx';

/** Region browser; the selected code lives in the URL so a region can be linked to. */
export default function RegionsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');
  const [revealCodes, setRevealCodes] = useState<string[]>([]);

  const select = useCallback((code: string) => setParams({ code }), [setParams]);
  const onLoaded = useCallback((detail: RegionDetailData) => {
    setRevealCodes([...detail.ancestors.map((ancestor) => ancestor.code), detail.code]);
  }, []);

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="260px" style={{ minWidth: 0 }}>
        <Card
          title={t('regions.tree')}
          size="small"
          styles={{ body: { maxHeight: 'calc(100vh - 160px)', overflow: 'auto' } }}
        >
          <RegionTree selectedCode={selected} revealCodes={revealCodes} onSelect={select} />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <RegionSearch onOpen={select} />
          </Card>
          {selected ? (
            <RegionDetail code={selected} onSelect={select} onLoaded={onLoaded} />
          ) : (
            <Card>
              <Empty description={t('regions.pickOne')} />
            </Card>
          )}
        </Space>
      </Col>
    </Row>
  );
}
