import { describe, expect, it } from 'vitest';
import { EntryAction, EntryStatus, TargetStatus } from '@chuangcheng/core';
import { en, zhCN } from '../../i18n/catalogues.ts';
import { entryStatusColour } from '../data-entry/entry-helpers.ts';
import { statusKeys, statusPalette, targetStatuses } from './status.ts';

// Keys built from enum values (t(`indicator.entry.status.${status}`)) are invisible to the
// catalogue test, which reads literal keys only.
const bothCatalogues = (key: string) => key in zhCN && key in en;

describe('target statuses', () => {
  it('lists every status once, best first and no data last', () => {
    expect([...targetStatuses].sort()).toEqual([...TargetStatus.options].sort());
    expect(targetStatuses[0]).toBe('achieved');
    expect(targetStatuses[targetStatuses.length - 1]).toBe('no_data');
  });

  it('names every status in both languages', () => {
    expect(TargetStatus.options.filter((status) => !bothCatalogues(statusKeys[status]))).toEqual([]);
  });

  it('colours achieved and on track green, at risk amber, off track red, no data grey, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const fill = (status: TargetStatus) => statusPalette(status, theme).fill;
      expect(fill('achieved')).toMatch(/^#(237804|389e0d)$/);
      expect(fill('on_track')).toBe('#73d13d');
      expect(fill('at_risk')).toBe('#faad14');
      expect(fill('off_track')).toBe('#f5222d');
      expect(fill('no_data')).toMatch(/^#(d9d9d9|595959)$/);
      expect(fill('insufficient_data')).toBe('#8c8c8c');
    }
  });
});

describe('entry statuses and actions', () => {
  it('have a colour and words in both languages', () => {
    expect(EntryStatus.options.filter((s) => !entryStatusColour[s])).toEqual([]);
    expect(EntryStatus.options.filter((s) => !bothCatalogues(`indicator.entry.status.${s}`))).toEqual([]);
    expect(EntryAction.options.filter((a) => !bothCatalogues(`indicator.entry.action.${a}`))).toEqual([]);
    for (const source of ['entry', 'cases', 'volunteers', 'evaluation']) {
      expect(bothCatalogues(`indicator.source.${source}`)).toBe(true);
    }
  });
});
