import { beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../outbox/worker.ts';
import { runReminders } from '../../jobs/reminders.ts';
import { fileTestContext, TEST_PERSONAL_DATA_KEY } from '../../test/harness.ts';
import { createPersonalData, loadKeyring } from '../personal-data/index.ts';
import { unitId } from './fixtures.ts';
import { smsReminderSubscriber } from './sms-subscriber.ts';
import { configureSms, consoleSmsSender, httpSmsSender, maskPhone, setSmsContacts, smsSenderFor } from './sms.ts';

const ctx = fileTestContext();
const sent: { to: string; text: string; key: string }[] = [];
let failNext = false;
const personalData = createPersonalData(loadKeyring({ envKeys: TEST_PERSONAL_DATA_KEY, dataDir: '/nonexistent' }));

beforeAll(async () => {
  configureSms(
    {
      name: 'recording',
      async send(message) {
        if (failNext) {
          failNext = false;
          throw new Error('gateway down');
        }
        sent.push(message);
      },
    },
    personalData,
  );
});

describe('reminders by SMS (decision 0143)', () => {
  it('texts each new reminder to the unit’s sealed numbers through the outbox, once, also on redelivery', async () => {
    const housing = await unitId(ctx.db, '省住建厅');
    await setSmsContacts(ctx.db, personalData, housing, ['13800138000', '13900139000']);
    // Numbers are personal data: sealed, not stored in the clear.
    const stored = await ctx.db.selectFrom('org_unit_sms_contact').selectAll().execute();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain('13800138000');

    // A gateway failure rolls the delivery back; the outbox retries it.
    failNext = true;
    const counts = await runReminders(ctx.db, '2019-06-15');
    expect(counts.tasks).toBeGreaterThan(0);
    await drainOutbox(ctx);
    await ctx.db
      .updateTable('outbox_event')
      .set({ next_attempt_at: new Date(0) })
      .where('status', '!=', 'done')
      .execute();
    await drainOutbox(ctx);
    const toHousing = await ctx.db
      .selectFrom('notification')
      .select(['id', 'title'])
      .where('recipient_org_unit_id', '=', housing)
      .execute();
    expect(toHousing.length).toBeGreaterThan(0);
    expect(sent).toHaveLength(toHousing.length * 2);
    expect(sent.map((m) => m.to).sort()).toEqual(
      [...Array(toHousing.length).fill('13800138000'), ...Array(toHousing.length).fill('13900139000')].sort(),
    );
    expect(sent[0]!.text).toBe(`【创城】${toHousing.find((n) => sent[0]!.key.startsWith(n.id))!.title}`);
    // Units without numbers get no text.
    expect(new Set(sent.map((m) => m.key.split(':')[0]))).toEqual(new Set(toHousing.map((n) => n.id)));

    // The same event delivered again (a lost finish) texts nobody twice.
    const events = await ctx.db
      .selectFrom('outbox_event')
      .select(['id', 'name', 'version', 'payload', 'created_at'])
      .where('name', '=', 'notification.reminder-created')
      .execute();
    for (const event of events) {
      await ctx.db.transaction().execute((trx) => smsReminderSubscriber.deliver(trx, event));
    }
    expect(sent).toHaveLength(toHousing.length * 2);
    // A second run of the job writes no reminder and so no text.
    await runReminders(ctx.db, '2019-06-15');
    await drainOutbox(ctx);
    expect(sent).toHaveLength(toHousing.length * 2);
  });

  it('refuses a number that is not a mainland mobile, naming it, and writes nothing', async () => {
    const finance = await unitId(ctx.db, '省财政厅');
    await expect(setSmsContacts(ctx.db, personalData, finance, ['13800138000', '12345'])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'body.phones[1]' })],
    });
    expect(
      await ctx.db.selectFrom('org_unit_sms_contact').selectAll().where('org_unit_id', '=', finance).execute(),
    ).toEqual([]);
  });

  it('uses the console sender by default and the HTTP gateway when configured', async () => {
    const lines: string[] = [];
    await consoleSmsSender((line) => lines.push(line)).send({ to: '13800138000', text: '测试', key: 'k' });
    expect(lines).toEqual(['[sms] to 138****8000 (k): 测试']);
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(smsSenderFor({ smsGatewayUrl: undefined, smsGatewayToken: undefined }).name).toBe('console');
    expect(smsSenderFor({ smsGatewayUrl: 'http://127.0.0.1:1/sms', smsGatewayToken: 't' }).name).toBe('http');

    const http = await import('node:http');
    const received: { body: string; auth: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, auth: req.headers.authorization });
        res.statusCode = received.length === 1 ? 200 : 503;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const gateway = httpSmsSender(`http://127.0.0.1:${port}/sms`, 'secret');
    await gateway.send({ to: '13800138000', text: '提醒', key: 'n1:p1' });
    expect(received[0]).toEqual({
      body: JSON.stringify({ to: '13800138000', text: '提醒', key: 'n1:p1' }),
      auth: 'Bearer secret',
    });
    await expect(gateway.send({ to: '13800138000', text: '提醒', key: 'n1:p1' })).rejects.toThrow('503');
    await new Promise((resolve) => server.close(resolve));
  });
});
