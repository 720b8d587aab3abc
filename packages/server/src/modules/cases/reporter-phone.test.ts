import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, TEST_PERSONAL_DATA_KEY } from '../../test/harness.ts';
import { createPersonalData, loadKeyring } from '../personal-data/index.ts';
import { DAOLI, report } from './fixtures.ts';
import { sealPlaintextReporterPhones } from './reporter-phone.ts';

// Issue 11, personal data (convention 19): reporter phones sealed at rest with a key outside the
// database, masked wherever shown, revealed in full only to a role that needs it, audited.

const ctx = fileTestContext();

const personalData = createPersonalData(loadKeyring({ envKeys: TEST_PERSONAL_DATA_KEY, dataDir: '/nonexistent' }));

async function fileWithPhone(phone: string) {
  const res = await report(ctx, {
    categoryCode: 'event-stall',
    description: '占道经营',
    ...DAOLI,
    regionCode: '230102',
    contact: { name: '李先生', phone },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

describe('reporter phone numbers', () => {
  it('are stored sealed, shown masked, and revealed in full only to an allowed role, audited', async () => {
    const filed = await fileWithPhone('13812345678');
    const row = await ctx.db
      .selectFrom('case_reporter')
      .selectAll()
      .where('case_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row.contact).toEqual({ name: '李先生', phone: '138****5678' });
    expect(row.phone_sealed).toMatch(/^pd1\./);
    expect(JSON.stringify(row)).not.toContain('12345678');
    expect(row.phone_index).toBe(personalData.blindIndex('138 1234 5678', 'case_reporter.phone'));

    const detail = (await ctx.admin.get(`/api/v1/cases/${filed.id}`)).json();
    expect(detail.contact.phone).toBe('138****5678');
    const list = await ctx.admin.get('/api/v1/cases?queue=dispatch');
    const tracked = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/cases/${filed.number}` });
    for (const body of [list.body, tracked.body]) expect(body).not.toContain('12345678');

    const revealed = await ctx.admin.get(`/api/v1/cases/${filed.id}/reporter-phone`);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ phone: '13812345678' });
    const audit = (await ctx.admin.get(`/api/v1/audit?action=personal_data.reveal&entityId=${filed.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(JSON.stringify(audit.items)).not.toContain('12345678');

    const inspector = await buildUser(ctx, { role: 'inspector', regionCode: '2301' });
    const refused = await inspector.agent.get(`/api/v1/cases/${filed.id}/reporter-phone`);
    expect(refused.statusCode).toBe(403);
    const after = (await ctx.admin.get(`/api/v1/audit?action=personal_data.reveal&entityId=${filed.id}`)).json();
    expect(after.items).toHaveLength(1);
  });

  it('stored in the clear before sealing are sealed by the start-up data step, once', async () => {
    const filed = await fileWithPhone('13987654321');
    // As a row written before migration 20261206T1110 looks.
    await ctx.db
      .updateTable('case_reporter')
      .set({ contact: JSON.stringify({ name: '李先生', phone: '13700001111' }), phone_sealed: null, phone_index: null })
      .where('case_id', '=', filed.id)
      .execute();
    expect(await sealPlaintextReporterPhones(ctx.db, personalData)).toBe(1);
    expect(await sealPlaintextReporterPhones(ctx.db, personalData)).toBe(0);
    const row = await ctx.db
      .selectFrom('case_reporter')
      .selectAll()
      .where('case_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row.contact).toEqual({ name: '李先生', phone: '137****1111' });
    expect(personalData.open(row.phone_sealed!, 'case_reporter.phone')).toBe('13700001111');
  });
});

describe('the personal-data seal', () => {
  it('opens values sealed with an older key after rotation, and nothing moved to another column', () => {
    const oldKey = crypto.randomBytes(32).toString('base64');
    const newKey = crypto.randomBytes(32).toString('base64');
    const before = createPersonalData(loadKeyring({ envKeys: oldKey, dataDir: '/nonexistent' }));
    const after = createPersonalData(loadKeyring({ envKeys: `${newKey},${oldKey}`, dataDir: '/nonexistent' }));
    const sealed = before.seal('23010219900101123X', 'volunteer.id_number');
    expect(after.open(sealed, 'volunteer.id_number')).toBe('23010219900101123X');
    expect(after.seal('x', 'c').split('.')[1]).not.toBe(sealed.split('.')[1]);
    expect(() => after.open(sealed, 'case_reporter.phone')).toThrow();
    expect(() =>
      createPersonalData(loadKeyring({ envKeys: newKey, dataDir: '/nonexistent' })).open(sealed, 'volunteer.id_number'),
    ).toThrow(/key/);
  });

  it('creates a private key file in the data directory on first start and reuses it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pd-'));
    try {
      const first = loadKeyring({ envKeys: undefined, dataDir });
      const file = path.join(dataDir, 'personal-data.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(loadKeyring({ envKeys: undefined, dataDir }).current.id).toBe(first.current.id);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
