import { Link } from 'react-router';
import { Space, Tag, type TableColumnType } from 'antd';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { roundKindKeys } from './labels.ts';
import type { RoundSummary } from './types.ts';

/**
 * The columns every list of rounds shares (测评轮次 and 结果发布): the name, a link to the round with
 * the model framework's tag, then kind and year (`head`), and the number of regions (`regionCount`).
 * `openTestIds` gives each name link the test id `round-open-<name>`.
 */
export function roundColumns(t: Translate, openTestIds: boolean) {
  const head: TableColumnType<RoundSummary>[] = [
    {
      title: t('evaluation.round.name'),
      dataIndex: 'name',
      render: (name: string, round) => (
        <Space wrap>
          <Link
            to={`/evaluation/rounds/${round.id}`}
            data-testid={openTestIds ? `round-open-${round.name}` : undefined}
          >
            {name}
          </Link>
          {round.framework.isModel && <Tag color="orange">{t('evaluation.framework.modelTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('evaluation.round.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: RoundSummary['kind']) => t(roundKindKeys[kind]),
    },
    { title: t('evaluation.round.year'), dataIndex: 'year', width: 80 },
  ];
  const regionCount: TableColumnType<RoundSummary> = {
    title: t('evaluation.round.regionCount'),
    dataIndex: 'regionCount',
    width: 90,
    align: 'right',
  };
  return { head, regionCount };
}
