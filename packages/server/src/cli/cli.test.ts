import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, env);

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

// Each command starts Node and opens a database: slow when the machine is busy.
describe('chuangcheng CLI', { timeout: 600_000 }, () => {
  it('imports a region CSV all-or-nothing, naming line and field, and verifies the audit log', () => {
    const dataDir = tempDir('cc-cli-');
    const env = { CHUANGCHENG_DATA_DIR: dataDir };
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'code,name,parent_code\n99,测试省,\n9901,测试市,99\n99x1,坏代码,99\n990102,孤儿区,9909\n');
    const failed = run(['regions', 'import', '--file', bad], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('bad.csv:4:code');
    expect(failed.stderr).toContain('bad.csv:5:parent_code');

    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(good, 'code,name,parent_code\n99,测试省,\n9901,测试市,99\n990102,测试区,9901\n');
    const imported = run(['regions', 'import', '--file', good, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ total: 3, byLevel: { 1: 1, 2: 1, 3: 1 } });

    // Only the successful import wrote anything: one audit entry, pending until it is sequenced.
    const verified = run(['audit', 'verify', '--json'], env);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, entries: 0, pending: 1 });

    // Organisations and groups import against those regions; an unknown region is named by line.
    const units = path.join(dataDir, 'units.yaml');
    fs.writeFileSync(
      units,
      "units:\n  - code: test-office\n    name: 测试市创城办\n    kind: creation_office\n    regionCode: '9901'\n",
    );
    expect(run(['org-units', units, '--json'], env).code).toBe(0);
    fs.writeFileSync(
      units,
      "units:\n  - code: test-office-2\n    name: 另一个办\n    kind: creation_office\n    regionCode: '9999'\n",
    );
    const badUnits = run(['org-units', units], env);
    expect(badUnits.code).toBe(1);
    expect(badUnits.stderr).toMatch(/units\.yaml:5/);
  });

  it('seals the audit log into a signed checkpoint kept elsewhere, and verifies against it', () => {
    const dataDir = tempDir('cc-cli-audit-');
    const env = { CHUANGCHENG_DATA_DIR: dataDir };
    const regions = path.join(dataDir, 'regions.csv');
    fs.writeFileSync(regions, 'code,name,parent_code\n99,测试省,\n9901,测试市,99\n');
    expect(run(['regions', 'import', '--file', regions], env).code).toBe(0);
    const checkpointFile = path.join(dataDir, 'checkpoints.json');
    expect(run(['audit', 'checkpoint', '--out', checkpointFile], env).code).toBe(0);
    const verified = run(['audit', 'verify', '--checkpoint', checkpointFile, '--json'], env);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, entries: 1, pending: 0 });
    // The tree was checked against the database's checkpoint and the file's.
    expect(JSON.parse(verified.stdout).shards[0]).toMatchObject({ shard: '99', checkpointsChecked: 2 });
  });

  it('refuses a data directory held by another live process, in one line', () => {
    const dataDir = tempDir('cc-cli-lock-');
    // The test runner's parent is alive for the whole run: it stands in for another server.
    fs.writeFileSync(path.join(dataDir, 'chuangcheng.lock'), String(process.ppid));
    const result = run(['migrate'], { CHUANGCHENG_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/in use by another Chuangcheng process \(pid \d+\)/);
  });

  it('says what to fix for an unreachable DATABASE_URL and for a port in use', async () => {
    const unreachable = run(['migrate'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/cannot connect to DATABASE_URL/);
    expect(unreachable.stderr).not.toContain('secret');

    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const result = run(['serve'], {
        PORT: String(port),
        HOST: '127.0.0.1',
        CHUANGCHENG_DATA_DIR: tempDir('cc-cli-port-'),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port} is in use`);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad PORT and unknown commands with usage errors', () => {
    expect(run(['serve'], { PORT: 'eighty' }).stderr).toContain('PORT must be a non-negative integer');
    const unknown = run(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});
