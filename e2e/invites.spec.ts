import { expect, test } from '@playwright/test';
import { activateAndLogin, openMailLink, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

test('an owner shares the account with a registered user, gives them a card, then removes them', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const guestContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const guest = await guestContext.newPage();
  const guestEmail = uniqueEmail('guest');

  await activateAndLogin(guest, { name: 'Guest Driver', email: guestEmail });
  await guest.getByRole('button', { name: 'Log out' }).click();
  await expect(guest.getByText('You are logged out.')).toBeVisible();

  await activateAndLogin(owner, { name: 'Host Owner', email: uniqueEmail('host') });
  await owner.goto('/chargers/new');
  await owner.getByLabel('Charger ID (OCPP identity)').fill(`SHARE-${Date.now().toString(36).toUpperCase()}`);
  await owner.getByLabel('Name').fill('Shared garage charger');
  await owner.getByRole('button', { name: 'Add charger' }).click();
  await expect(owner.getByTestId('connection-details')).toBeVisible();

  await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
  await owner.getByLabel('E-mail').fill(guestEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${guestEmail}.`)).toBeVisible();
  await expect(owner.getByTestId('pending-invites')).toContainText(guestEmail);

  // The link leads through login and back to the invitation.
  await openMailLink(guest, { to: guestEmail, subject: 'Host Owner invited you' });
  await expect(guest).toHaveURL(/\/login\?callbackUrl=/);
  await guest.getByLabel('E-mail').fill(guestEmail);
  await guest.getByLabel('Password').fill('correct horse battery staple');
  await guest.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(guest.getByText('Host Owner invited you to the Chargewatch account')).toBeVisible();
  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(guest).toHaveURL(/\/chargers$/);
  await expect(guest.getByTestId('charger-card').filter({ hasText: 'Shared garage charger' })).toBeVisible();

  await owner.reload();
  const guestRow = owner.getByTestId('member-row').filter({ hasText: guestEmail });
  // Invited without a role chosen: a co-owner, the account's equal.
  await expect(guestRow.getByRole('definition').first()).toHaveText('Co-owner');
  await guestRow.getByRole('link', { name: 'Add card' }).click();
  await owner.getByRole('radio', { name: /Virtual card/ }).check();
  await expect(owner.getByLabel('Linked user')).toHaveValue(/.+/);
  await owner.getByLabel('Label').fill("Guest's phone");
  await owner.getByRole('button', { name: 'Add card' }).click();
  await expect(owner.getByTestId('card-row').filter({ hasText: "Guest's phone" })).toContainText('Guest Driver');

  await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
  owner.once('dialog', (dialog) => void dialog.accept());
  await owner.getByTestId('member-row').filter({ hasText: guestEmail }).getByRole('button', { name: 'Remove' }).click();
  await expect(owner.getByTestId('member-row').filter({ hasText: guestEmail })).toHaveCount(0);

  await guest.reload();
  await expect(guest.getByTestId('charger-card').filter({ hasText: 'Shared garage charger' })).toHaveCount(0);
  await expect(guest.getByTestId('account-switcher')).toHaveCount(0);

  await ownerContext.close();
  await guestContext.close();
});

test('an invitation opened by a different logged-in user says it is for someone else', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const invitee = uniqueEmail('invitee');
  await activateAndLogin(page, { name: 'Invitee', email: invitee });
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  await activateAndLogin(page, { name: 'Inviter', email: uniqueEmail('inviter') });
  await page.goto('/customers');
  await page.getByLabel('E-mail').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();

  await openMailLink(page, { to: invitee, subject: 'Inviter invited you' });
  await expect(page.getByRole('heading', { name: 'This invitation is for someone else' })).toBeVisible();
  await context.close();
});
