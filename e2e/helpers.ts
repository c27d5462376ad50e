import { randomBytes } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';

export function uniqueEmail(prefix = 'owner') {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

export const PASSWORD = 'correct horse battery staple';

export async function register(page: Page, { name, email, password = PASSWORD }: { name: string; email: string; password?: string }) {
  await page.goto('/register');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
}

// Opens the newest mail to this address in the local mailbox and follows its button.
export async function openMailLink(page: Page, { to, subject }: { to: string; subject: string }) {
  await page.goto('/mailbox');
  await page.getByRole('link', { name: new RegExp(`${subject}[\\s\\S]*${to.replace(/[.+]/g, '\\$&')}`) }).first().click();
  const link = page.getByTestId('email-body').getByRole('link').first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the e-mail has no link');
  await page.goto(href);
}

export async function login(page: Page, { email, password = PASSWORD }: { email: string; password?: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

export async function activateAndLogin(page: Page, { name, email, password = PASSWORD }: { name: string; email: string; password?: string }) {
  await register(page, { name, email, password });
  await openMailLink(page, { to: email, subject: 'Activate your Chargewatch account' });
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await expect(page).toHaveURL(/notice=activated/);
  await login(page, { email, password });
  await expect(page).toHaveURL(/\/(onboarding|dashboard)$/);
}

// Adds a charger from the form and returns what the page shows for the charger's settings.
export async function addCharger(page: Page, { name, identity }: { name: string; identity: string }) {
  await page.goto('/chargers/new');
  await page.getByLabel('Charger ID (OCPP identity)').fill(identity);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Add charger' }).click();
  const url = await page.getByTestId('connection-url').inputValue();
  const password = await page.getByTestId('connection-password').inputValue();
  return { url, password };
}

// A physical card (an RFID tag) of the owner's account, not linked to anyone.
export async function addPhysicalCard(page: Page, { idTag, label }: { idTag: string; label: string }) {
  await page.goto('/cards/new');
  await page.getByLabel('Card ID').fill(idTag);
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/cards$/);
}

// The owner invites a registered user, who is logged in on `member`, and they accept.
export async function inviteAndAccept(owner: Page, member: Page, { email, ownerName }: { email: string; ownerName: string }) {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(email);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await openMailLink(member, { to: email, subject: `${ownerName} invited you` });
  await member.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(member).toHaveURL(/\/chargers$/);
}

// The owner gives a member of the account a virtual card, from the member's row on the Customers page.
export async function giveVirtualCard(owner: Page, { email, label }: { email: string; label: string }) {
  await owner.goto('/customers');
  await owner.getByTestId('member-row').filter({ hasText: email }).getByRole('link', { name: 'Add card' }).click();
  await owner.getByRole('radio', { name: /Virtual card/ }).check();
  await owner.getByLabel('Label').fill(label);
  await owner.getByRole('button', { name: 'Add card' }).click();
  await expect(owner).toHaveURL(/\/cards$/);
}

// The energy a session panel or card shows, in kWh.
export async function shownKwh(locator: Locator) {
  return Number((await locator.innerText()).replace(/[^\d.]/g, ''));
}

// The charger page folds commands, configuration, firmware, diagnostics, the local list and security under Advanced.
export async function openAdvanced(page: Page) {
  const advanced = page.getByTestId('charger-advanced');
  if ((await advanced.getAttribute('open')) === null) await advanced.locator(':scope > summary').click();
  await expect(advanced).toHaveAttribute('open', '');
}
