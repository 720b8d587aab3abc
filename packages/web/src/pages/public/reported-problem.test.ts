import { describe, expect, it } from 'vitest';
import { reportedProblem } from './reported-problem.ts';

describe('reportedProblem', () => {
  it('names no place without a region or a whole point', () => {
    expect(reportedProblem({ description: 'x', location: { lat: 45.7 } }, [])).toBeNull();
    expect(reportedProblem({ description: 'x' }, [])).toBeNull();
  });

  it('takes the last region chosen, trims the texts and leaves out an empty contact', () => {
    const problem = reportedProblem(
      {
        category: ['A', 'A01'],
        description: '  井盖缺失 ',
        location: { regionCodes: ['23', '2301', '230102'], address: '  ' },
        contactName: ' ',
        contactPhone: '',
      },
      ['p1'],
    );
    expect(problem).toEqual({
      categoryCode: 'A01',
      description: '井盖缺失',
      lat: undefined,
      lng: undefined,
      address: undefined,
      regionCode: '230102',
      photoIds: ['p1'],
      contact: undefined,
    });
  });

  it('keeps a point and a contact with only a phone', () => {
    const problem = reportedProblem(
      { location: { lat: 45.75, lng: 126.63, address: ' 中央大街 ' }, contactPhone: ' 13800000000 ' },
      [],
    );
    expect(problem).toMatchObject({
      categoryCode: '',
      description: '',
      lat: 45.75,
      lng: 126.63,
      regionCode: undefined,
      address: '中央大街',
      contact: { name: undefined, phone: '13800000000' },
    });
  });
});
