import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Empty, Spin, Tree, type TreeDataNode } from 'antd';
import type { Region } from '@chuangcheng/core';
import { withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { useApiFetch } from '../../api/useApiQuery.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  selectedCode: string | null;
  /** Codes from the root down to the selected region, to expand when it was opened elsewhere. */
  revealCodes: string[];
  onSelect: (code: string) => void;
}

/** Lazily loaded region tree starting at the account's scope roots. */
export function RegionTree({ selectedCode, revealCodes, onSelect }: Props) {
  const t = useT();
  const fetchApi = useApiFetch();
  const [roots, setRoots] = useState<Region[] | null>(null);
  const [children, setChildren] = useState<ReadonlyMap<string, Region[]>>(new Map());
  const [expanded, setExpanded] = useState<string[]>([]);
  // Mirrors of state that async loops read without waiting for a re-render.
  const known = useRef(new Set<string>());
  const loaded = useRef(new Map<string, Promise<void>>());

  const ensureChildren = useCallback(
    (code: string): Promise<void> => {
      const pending = loaded.current.get(code);
      if (pending) return pending;
      const promise = fetchApi<Items<Region>>(withQuery('/api/v1/regions', { parent: code }))
        .then(({ items }) => {
          items.forEach((region) => known.current.add(region.code));
          setChildren((previous) => new Map(previous).set(code, items));
        })
        .catch(() => {
          // Already shown by the query cache; opening the node again asks again.
          loaded.current.delete(code);
        });
      loaded.current.set(code, promise);
      return promise;
    },
    [fetchApi],
  );

  useEffect(() => {
    fetchApi<Items<Region>>('/api/v1/regions/roots')
      .then(({ items }) => {
        items.forEach((region) => known.current.add(region.code));
        setRoots(items);
        const first = items[0];
        if (items.length === 1 && first && first.childCount > 0) {
          setExpanded([first.code]);
          void ensureChildren(first.code);
        }
      })
      .catch(() => setRoots([]));
  }, [ensureChildren, fetchApi]);

  useEffect(() => {
    if (roots === null || revealCodes.length === 0) return;
    let cancelled = false;
    void (async () => {
      const opened: string[] = [];
      // Ancestors above the scope root are not in the tree; start at the first one that is.
      for (const code of revealCodes.slice(0, -1)) {
        if (!known.current.has(code)) continue;
        await ensureChildren(code);
        opened.push(code);
      }
      if (!cancelled) setExpanded((previous) => [...new Set([...previous, ...opened])]);
    })();
    return () => {
      cancelled = true;
    };
  }, [revealCodes, roots, ensureChildren]);

  const treeData = useMemo(() => {
    const build = (regions: Region[]): TreeDataNode[] =>
      regions.map((region) => {
        const loadedChildren = children.get(region.code);
        return {
          key: region.code,
          title: region.name,
          isLeaf: region.childCount === 0,
          children: loadedChildren ? build(loadedChildren) : undefined,
        };
      });
    return build(roots ?? []);
  }, [roots, children]);

  if (roots === null) return <Spin />;
  if (roots.length === 0) return <Empty description={t('regions.noRoots')} />;

  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadedKeys={[...children.keys()]}
      loadData={(node) => ensureChildren(String(node.key))}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
      data-testid="region-tree"
    />
  );
}
