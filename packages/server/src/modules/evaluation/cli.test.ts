import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../../config.ts';

const MODEL = path.join(REPO_ROOT, 'data/frameworks/model-2018-2020-prefecture.yaml');
const EDITION = 'model-2018-2020-prefecture';

const run = (args: string[], env: Record<string, string>) => runCli(args, env);

// Each command starts Node and opens a database: slow when the machine is busy.
describe('chuangcheng framework import|export', { timeout: 600_000 }, () => {
  it('loads a framework file, refuses a broken one by line, exports YAML and Excel, and reads its own Excel back', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fw-cli-'));
    const env = { CHUANGCHENG_DATA_DIR: dataDir };
    const regions = path.join(dataDir, 'regions.csv');
    fs.writeFileSync(regions, 'code,name,parent_code\n99,测试省,\n');
    expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);

    // A method outside every method group is named with its file and line; nothing is imported.
    const doc = parse(fs.readFileSync(MODEL, 'utf8'));
    doc.methodGroups = doc.methodGroups.filter((g: { code: string }) => g.code !== 'questionnaire');
    const broken = path.join(dataDir, 'broken.yaml');
    fs.writeFileSync(broken, stringify(doc));
    const refused = run(['framework', 'import', broken], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/broken\.yaml:\d+: projects\[0\]\.contents\[0\]\.standards\[3\]\.method/);

    const created = run(['framework', 'import', MODEL, '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ edition: EDITION, version: 1, created: true });
    const again = run(['framework', 'import', MODEL], env);
    expect(again.stdout).toContain('unchanged, still version 1');

    const yamlOut = path.join(dataDir, 'export.yaml');
    expect(run(['framework', 'export', EDITION, '--out', yamlOut], env).code).toBe(0);
    const exported = parse(fs.readFileSync(yamlOut, 'utf8'));
    expect(exported).toMatchObject({ edition: EDITION, isModel: true });
    exported.name = `${exported.name}（修订）`;
    fs.writeFileSync(yamlOut, stringify(exported));
    const revised = run(['framework', 'import', yamlOut, '--json'], env);
    expect(JSON.parse(revised.stdout)).toMatchObject({ version: 2, created: false, unchanged: false });

    const xlsx = path.join(dataDir, 'export.xlsx');
    expect(run(['framework', 'export', EDITION, '--out', xlsx], env).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    // Its own standards read back change nothing; without --edition an Excel file is refused.
    expect(run(['framework', 'import', xlsx, '--edition', EDITION], env).stdout).toContain(
      'unchanged, still version 2',
    );
    const noEdition = run(['framework', 'import', xlsx], env);
    expect(noEdition.code).not.toBe(0);
    expect(noEdition.stderr).toContain('--edition');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
