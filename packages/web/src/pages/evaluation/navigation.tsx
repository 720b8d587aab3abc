import type { ReactNode } from 'react';
import {
  AlertOutlined,
  BarChartOutlined,
  CrownOutlined,
  NodeIndexOutlined,
  PrinterOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import type { Permission } from '@chuangcheng/core';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';

export interface EvaluationNavEntry {
  path: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  permission: Permission;
}

/** The 测评管理 menu group: each entry is shown only to roles that may read it. */
export const evaluationNavigation: EvaluationNavEntry[] = [
  {
    path: '/evaluation/frameworks',
    label: 'evaluation.nav.frameworks',
    testId: 'nav-evaluation-frameworks',
    icon: <NodeIndexOutlined />,
    permission: 'evaluation.read',
  },
  {
    path: '/evaluation/rounds',
    label: 'evaluation.nav.rounds',
    testId: 'nav-evaluation-rounds',
    icon: <ProfileOutlined />,
    permission: 'evaluation.read',
  },
  {
    path: '/evaluation/rankings',
    label: 'evaluation.nav.rankings',
    testId: 'nav-evaluation-rankings',
    icon: <BarChartOutlined />,
    permission: 'evaluation.read',
  },
  {
    path: '/evaluation/incidents',
    label: 'evaluation.nav.incidents',
    testId: 'nav-evaluation-incidents',
    icon: <AlertOutlined />,
    permission: 'evaluation.read',
  },
  {
    path: '/evaluation/titles',
    label: 'evaluation.nav.titles',
    testId: 'nav-evaluation-titles',
    icon: <CrownOutlined />,
    permission: 'evaluation.read',
  },
  {
    path: '/evaluation/results',
    label: 'evaluation.nav.results',
    testId: 'nav-evaluation-results',
    icon: <PrinterOutlined />,
    permission: 'evaluation.read',
  },
];
