import { expect, test, type Download, type Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { createDb } from '../db/client';
import { memberships, users } from '../db/schema';
import { makeCharger } from '../db/seed/builders';
import { issueMonthlyStatements } from '../domain/statements/monthly-issue';
import { previousMonth } from '../domain/statements/period';
import { addCostedSession } from '../tests/statements/builders';
import { activateAndLogin, openMailLink, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => sql.end());
const quiet = { info: () => {}, warn: () => {} };

async function inviteDriver(owner: Page, driver: Page, { email, ownerName }: { email: string; ownerName: string }) {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(email);
  await owner.getByTestId('invite-role-driver').check();
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await openMailLink(driver, { to: email, subject: `${ownerName} invited you` });
  await driver.getByRole('button', { name: 'Accept invitation' }).click();
}

// Last month's charging, as the prices branch leaves it when sessions close (cost lines), issued as the OCPP server's
// statement sweep does on the first of the month.
async function chargedLastMonth({ ownerEmail, driverEmail }: { ownerEmail: string; driverEmail: string }) {
  const [driver] = await db.select().from(users).where(eq(users.email, driverEmail));
  const [owner] = await db.select().from(users).where(eq(users.email, ownerEmail));
  const [ownership] = await db.select().from(memberships).where(and(eq(memberships.userId, owner!.id), eq(memberships.role, 'owner')));
  const accountId = ownership!.accountId;
  const charger = await makeCharger(db, { accountId, name: 'Garage wallbox', address: 'Elm Street 5, Springfield' });
  const day = `${previousMonth(new Date(), 'UTC').from.slice(0, 8)}10`;
  await addCostedSession(db, { accountId, chargerId: charger.id, userId: driver!.id, lines: [
    { startsAt: `${day}T06:00:00Z`, endsAt: `${day}T07:00:00Z`, energyWh: 7_000, pricePerKwh: '0.2500', cost: '1.75' },
    { startsAt: `${day}T07:00:00Z`, endsAt: `${day}T08:00:00Z`, energyWh: 4_000, pricePerKwh: '0.3000', cost: '1.20', basis: 'timeOfUse' },
  ] });
  await issueMonthlyStatements(db, { now: new Date(), log: quiet });
  return { driverId: driver!.id };
}

async function expectDownloads(page: Page) {
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(await downloaded(csv)).toContain('Elm Street 5');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect((await downloaded(pdf)).slice(0, 5)).toBe('%PDF-');
  expect(pdf.suggestedFilename()).toMatch(/^statement-\d{4}-\d{2}\.pdf$/);
}

async function downloaded(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

test('an owner and a driver see last month’s statement, download it, and the owner marks it paid', async ({ page: owner, browser }) => {
  const ownerEmail = uniqueEmail('stmt-owner');
  const driverEmail = uniqueEmail('stmt-driver');
  await activateAndLogin(owner, { name: 'Olive Owner', email: ownerEmail });
  const driver = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await activateAndLogin(driver, { name: 'Dan Driver', email: driverEmail });
  await inviteDriver(owner, driver, { email: driverEmail, ownerName: 'Olive Owner' });
  const { driverId } = await chargedLastMonth({ ownerEmail, driverEmail });
  const month = previousMonth(new Date(), 'UTC').from.slice(0, 7);

  await owner.goto('/statements');
  await expect(owner.getByTestId(`balance-user-${driverId}`)).toContainText('€2.95');
  await owner.getByTestId(`balance-user-${driverId}`).getByRole('link', { name: 'Open statement' }).click();
  await owner.getByLabel('Month').fill(month);
  await owner.getByRole('button', { name: 'Show month' }).click();
  await expect(owner.getByTestId('statement-totals')).toContainText('Total: €2.95');
  await expect(owner.getByTestId('statement-sessions')).toContainText('Elm Street 5, Springfield');
  await expectDownloads(owner);

  await driver.goto('/statements');
  await expect(driver).toHaveURL(new RegExp(`/statements/user-${driverId}$`));
  await driver.goto(`/statements/user-${driverId}?month=${month}`);
  const issued = driver.getByTestId(`issued-${month}-01`);
  await expect(issued).toContainText('Due');
  await expect(issued).toContainText(/CW-\d{4}-[A-Z0-9]{6}/);
  await expect(issued.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await expectDownloads(driver);
  // The issued statement downloads on its own too (a month charged in two currencies has one for each).
  const reference = /CW-\d{4}-[A-Z0-9]{6}/.exec((await issued.textContent()) ?? '')![0];
  const [own] = await Promise.all([driver.waitForEvent('download'), issued.getByRole('link', { name: `Statement ${reference} as CSV` }).click()]);
  expect(await downloaded(own)).toContain('2.95,EUR');

  owner.once('dialog', (dialog) => void dialog.accept());
  await owner.getByTestId(`issued-${month}-01`).getByRole('button', { name: 'Mark paid' }).click();
  await expect(owner.getByTestId(`issued-${month}-01`).getByTestId('statement-status')).toContainText('Paid on');
  await driver.reload();
  await expect(driver.getByTestId(`issued-${month}-01`).getByTestId('statement-status')).toContainText('Paid');
  await owner.goto('/statements');
  await expect(owner.getByTestId(`balance-user-${driverId}`)).toContainText('Nothing due');
});
