import { useEffect, useState } from 'react';
import type { CaseCategory } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';

/** The category tree for staff (inactive ones included, so old cases keep their names); a new `version` reloads it. */
export function useCategories(version = 0): CaseCategory[] {
  const showError = useApiError();
  const [categories, setCategories] = useState<CaseCategory[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items: CaseCategory[] }>('/api/v1/cases/categories')
      .then((list) => {
        if (!cancelled) setCategories(list.items);
      })
      .catch(showError);
    return () => {
      cancelled = true;
    };
  }, [showError, version]);
  return categories;
}
