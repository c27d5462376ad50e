// "Statement ready" as a notification: the monthly issue e-mails the member (with the PDF) and pushes to their browser
// through the OCPP server's dispatcher and a local push service that checks the VAPID signature and decrypts the
// payload; a member who turned both off gets neither, while the reimbursement address an owner set keeps its copy.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { memberships, notificationPreferences, outboxEmails } from '@/db/schema';
import { savePushSubscription } from '@/domain/data/web-push';
import { createLogger } from '@/ocpp-server/src/logger';
import { startNotificationDispatcher } from '@/ocpp-server/src/notifications/dispatcher';
import { startStatementSweep } from '@/ocpp-server/src/statements/statement-sweep';
import { TEST_AUTH_SECRET } from '@/ocpp-server/test/helpers';
import { startPushServiceStub } from '../support/push-service-stub';
import { addCostedSession, statementsFixture } from './builders';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const log = createLogger('silent');
// Vilnius is UTC+3 in summer: 1 April begins at 21:00 UTC on 31 March.
const FIRST_OF_APRIL = new Date('2026-03-31T21:30:00Z');

let f: Awaited<ReturnType<typeof statementsFixture>>;
let pushService: Awaited<ReturnType<typeof startPushServiceStub>>;
const browsers: Record<'driver' | 'owner', string> = { driver: '', owner: '' };

async function subscribeBrowser(userId: string) {
  const browser = pushService.subscribe();
  await savePushSubscription(db, { userId, subscription: { endpoint: browser.endpoint, p256dh: browser.p256dh, auth: browser.auth } });
  return browser.endpoint;
}

const mailsTo = (address: string) => db.select().from(outboxEmails).where(eq(outboxEmails.to, address));
const pushesTo = (endpoint: string) => pushService.delivered.filter((push) => push.endpoint === endpoint).map((push) => push.message);

beforeAll(async () => {
  pushService = await startPushServiceStub();
  f = await statementsFixture(db);
  const scope = { accountId: f.account.id, chargerId: f.charger.id };
  await addCostedSession(db, { ...scope, userId: f.driver.id, cardId: f.driverCard.id, lines: [{ startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T07:00:00Z', energyWh: 8_000, cost: '2.35' }] });
  await addCostedSession(db, { ...scope, userId: f.owner.id, lines: [{ startsAt: '2026-03-12T06:00:00Z', endsAt: '2026-03-12T07:00:00Z', energyWh: 3_000, cost: '0.90' }] });
  await db.update(memberships).set({ reimbursementEmail: 'olga-payroll@employer.test' }).where(and(eq(memberships.accountId, f.account.id), eq(memberships.userId, f.owner.id)));
  await db.insert(notificationPreferences).values({ userId: f.owner.id, accountId: f.account.id, kind: 'statement-ready', isEmail: false, isPush: false });
  browsers.driver = await subscribeBrowser(f.driver.id);
  browsers.owner = await subscribeBrowser(f.owner.id);

  await startStatementSweep({ db, log, everyMs: 3_600_000, authSecret: null, now: () => FIRST_OF_APRIL }).run();
  await startNotificationDispatcher({ db, log, everyMs: 3_600_000, keepDays: 30, authSecret: TEST_AUTH_SECRET }).run();
});
afterAll(async () => {
  await pushService.close();
  await sql.end();
});

describe('statement ready', () => {
  it('e-mails the member with the PDF and pushes to their browser in their language, opening the statement', async () => {
    const [mail] = await mailsTo(f.driver.email);
    expect(mail!.subject).toBe(`Jūsų įkrovimo išrašas: 2026 m. kovas (${f.account.name})`);
    expect(mail!.text.replace(/\s+/g, ' ')).toContain('Jį galite išjungti savo profilyje, skiltyje „Pranešimai“.');
    expect(pushesTo(browsers.driver)).toEqual([
      {
        title: 'Jūsų išrašas parengtas (2026 m. kovas): 2,35\u00a0€',
        body: `„${f.account.name}“: 1 seansas, 8,00 kWh.`,
        path: `/statements/user-${f.driver.id}?month=2026-03`,
      },
    ]);
    expect(pushService.refused).toEqual([]);
  });

  it('sends neither to a member who turned both off, and still sends the copy to the reimbursement address', async () => {
    expect(await mailsTo(f.owner.email)).toEqual([]);
    expect(pushesTo(browsers.owner)).toEqual([]);
    const [copy] = await mailsTo('olga-payroll@employer.test');
    expect(copy!.text).toContain('Owner Olga');
  });
});
