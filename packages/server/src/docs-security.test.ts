import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, Permission, Role } from '@chuangcheng/core';
import { REPO_ROOT } from './config.ts';

// docs/SECURITY.md tells operators what each role can do; this keeps it equal to core/roles.ts.
describe('docs/SECURITY.md', () => {
  it('lists exactly the permissions of every role that core/roles.ts grants', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'docs/SECURITY.md'), 'utf8');
    const header = text.split('\n').find((line) => line.startsWith('| permission |'))!;
    const roles = header
      .split('|')
      .slice(2, -1)
      .map((cell) => cell.trim());
    expect(roles).toEqual(Role.options);
    const documented = new Map(
      text
        .split('\n')
        .filter((line) => /^\| `[a-z_]+\.[a-z_]+` \|/.test(line))
        .map((line) => {
          const cells = line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim());
          return [cells[0]!.replaceAll('`', ''), cells.slice(1)] as const;
        }),
    );
    expect([...documented.keys()]).toEqual(Permission.options);
    for (const permission of Permission.options) {
      const expected = Role.options.map((role) => (can(role, permission) ? '✓' : ''));
      expect(documented.get(permission), permission).toEqual(expected);
    }
  });
});
