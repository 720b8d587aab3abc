import { describe, expect, it } from 'vitest';
import { instructionActions, instructionNext, instructionOverdue, type InstructionStatus } from './instructions.ts';

describe('the 领导批示 state machine', () => {
  it.each<[InstructionStatus, string[]]>([
    ['pending_sign', ['sign', 'report']],
    ['in_progress', ['report']],
    ['reported', ['accept', 'return']],
    ['closed', []],
  ])('%s allows %j', (status, actions) => {
    expect(instructionActions(status)).toEqual(actions);
  });

  it('moves on: sign and interim reports to 办理中, a final report to 已报告, accept to 已办结, return back', () => {
    expect(instructionNext('sign')).toBe('in_progress');
    expect(instructionNext('report', false)).toBe('in_progress');
    expect(instructionNext('report', true)).toBe('reported');
    expect(instructionNext('accept')).toBe('closed');
    expect(instructionNext('return')).toBe('in_progress');
  });

  it.each<[InstructionStatus, string, boolean]>([
    ['pending_sign', '2026-12-05', true],
    ['in_progress', '2026-12-05', true],
    ['in_progress', '2026-12-06', false],
    ['reported', '2026-12-01', false],
    ['closed', '2026-12-01', false],
  ])('%s due %s is overdue on 2026-12-06: %s', (status, due, overdue) => {
    expect(instructionOverdue(status, due, '2026-12-06')).toBe(overdue);
  });
});
