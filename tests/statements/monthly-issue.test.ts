import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { memberships, outboxAttachments, outboxEmails, statements, transactions } from '@/db/schema';
import { createLogger } from '@/ocpp-server/src/logger';
import { startStatementSweep } from '@/ocpp-server/src/statements/statement-sweep';
import { issueMonthlyStatements } from '@/domain/statements/monthly-issue';
import { startResendStub } from '../support/resend-stub';
import { addCostedSession, statementsFixture } from './builders';
import { pdfText } from './pdf-text';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
afterAll(() => sql.end());
afterEach(() => vi.unstubAllEnvs());
const log = createLogger('silent');

// Vilnius is UTC+3 in summer: 1 April begins at 21:00 UTC on 31 March.
const LAST_OF_MARCH = new Date('2026-03-31T20:00:00Z');
const FIRST_OF_APRIL = new Date('2026-03-31T21:30:00Z');

let f: Awaited<ReturnType<typeof statementsFixture>>;
const issuedFor = () => db.select().from(statements).where(eq(statements.accountId, f.account.id));

beforeAll(async () => {
  f = await statementsFixture(db);
  await db.update(memberships).set({ reimbursementEmail: 'payroll@employer.test' }).where(and(eq(memberships.accountId, f.account.id), eq(memberships.userId, f.driver.id)));
  const scope = { accountId: f.account.id, chargerId: f.charger.id };
  await addCostedSession(db, { ...scope, userId: f.driver.id, cardId: f.driverCard.id, lines: [
    { startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T07:00:00Z', energyWh: 4_000, cost: '1.10' },
    { startsAt: '2026-03-10T07:00:00Z', endsAt: '2026-03-10T08:00:00Z', energyWh: 4_000, cost: '1.25', basis: 'timeOfUse' },
  ] });
  await addCostedSession(db, { ...scope, cardId: f.poolCard.id, lines: [{ startsAt: '2026-03-11T06:00:00Z', endsAt: '2026-03-11T07:00:00Z', energyWh: 2_000, cost: '0.50' }] });
});

describe('the monthly issue', () => {
  it('waits for the account’s month to end, and for a session begun in it to close', async () => {
    await issueMonthlyStatements(db, { now: LAST_OF_MARCH, log });
    expect(await issuedFor()).toEqual([]);

    const open = await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, userId: f.driver.id, lines: [{ startsAt: '2026-03-31T20:50:00Z', endsAt: '2026-03-31T20:59:00Z', energyWh: 0, cost: '0.00' }] });
    await db.update(transactions).set({ stoppedAt: null, energyWh: null, meterStopWh: null }).where(eq(transactions.id, open.id));
    await issueMonthlyStatements(db, { now: FIRST_OF_APRIL, log });
    expect(await issuedFor()).toEqual([]);
    await db.update(transactions).set({ stoppedAt: FIRST_OF_APRIL, energyWh: 0, meterStopWh: 1000 }).where(eq(transactions.id, open.id));
  });

  it('issues last month’s statement once per member and card, whatever runs at once or again', async () => {
    await Promise.all([issueMonthlyStatements(db, { now: FIRST_OF_APRIL, log }), issueMonthlyStatements(db, { now: FIRST_OF_APRIL, log })]);
    await issueMonthlyStatements(db, { now: new Date('2026-04-02T10:00:00Z'), log });
    const issued = await issuedFor();
    expect(issued.map((s) => [s.userId, s.cardId, s.periodStart, s.periodEnd, s.sessionCount, s.energyWh, s.amount, s.currency, s.status]).sort()).toEqual(
      [
        [f.driver.id, null, '2026-03-01', '2026-04-01', 2, 8_000, '2.35', 'EUR', 'due'],
        [null, f.poolCard.id, '2026-03-01', '2026-04-01', 1, 2_000, '0.50', 'EUR', 'due'],
      ].sort(),
    );
    expect(new Set(issued.map((s) => s.transferReference)).size).toBe(2);
    expect(issued[0]!.transferReference).toMatch(/^CW-2603-[2-9A-Z]{6}$/);
  });
});

describe('the monthly e-mail', () => {
  it('reaches the outbox from the OCPP server’s periodic work, in the member’s language with the PDF, and goes to the employer too', async () => {
    const sweep = startStatementSweep({ db, log, everyMs: 3_600_000, authSecret: null, now: () => FIRST_OF_APRIL });
    await sweep.run();
    await sweep.stop();
    const [toMember] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, f.driver.email));
    expect(toMember!.subject).toBe(`Jūsų įkrovimo išrašas: 2026 m. kovas (${f.account.name})`);
    expect(toMember!.text.replace(/\s/g, ' ')).toContain('Mokėtina suma: 2,35 €');
    const files = await db.select().from(outboxAttachments).where(eq(outboxAttachments.emailId, toMember!.id));
    expect(files.map((file) => [file.filename, file.contentType])).toEqual([['israsas-2026-03.pdf', 'application/pdf']]);
    const { text } = await pdfText(files[0]!.content);
    expect(text.replace(/\s+/g, ' ')).toContain('Iš viso: 2,35 €');

    const [toEmployer] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'payroll@employer.test'));
    expect(toEmployer!.text).toContain('Driver Dovilė');
    const [issued] = await db.select().from(statements).where(and(eq(statements.accountId, f.account.id), eq(statements.userId, f.driver.id)));
    expect(issued!.emailedAt).not.toBeNull();

    await startStatementSweep({ db, log, everyMs: 3_600_000, authSecret: null, now: () => FIRST_OF_APRIL }).run();
    expect(await db.select().from(outboxEmails).where(inArray(outboxEmails.to, [f.driver.email, 'payroll@employer.test']))).toHaveLength(2);
  });

  it('gives Resend the PDF as an attachment', async () => {
    const stub = await startResendStub();
    vi.stubEnv('RESEND_API_KEY', 're_test_key');
    vi.stubEnv('RESEND_BASE_URL', stub.url);
    try {
      await db.update(statements).set({ emailedAt: null }).where(and(eq(statements.accountId, f.account.id), eq(statements.userId, f.driver.id)));
      await startStatementSweep({ db, log, everyMs: 3_600_000, authSecret: null, now: () => FIRST_OF_APRIL }).run();
      const mail = stub.received.find((received) => received.body.to === f.driver.email || (Array.isArray(received.body.to) && received.body.to.includes(f.driver.email)));
      const attachments = (mail!.body as unknown as { attachments: { filename: string; content: string }[] }).attachments;
      expect(attachments.map((file) => file.filename)).toEqual(['israsas-2026-03.pdf']);
      expect(Buffer.from(attachments[0]!.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await stub.close();
    }
  });
});
