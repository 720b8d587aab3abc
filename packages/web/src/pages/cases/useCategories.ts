import type { CaseCategory } from '@chuangcheng/core';
import { useCaseCategories } from './api.ts';

const NONE: CaseCategory[] = [];

/**
 * The category tree for staff (inactive ones included, so old cases keep their names). One cached
 * answer for every page; a write (e.g. a category saved on the settings page) fetches it again.
 */
export function useCategories(): CaseCategory[] {
  return useCaseCategories().data?.items ?? NONE;
}
