import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, openMailLink, PASSWORD, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

test('an owner invites an address with no account; its link registers, joins at once and lands on Charge', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const newcomerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const newcomer = await newcomerContext.newPage();
  const newcomerEmail = uniqueEmail('newcomer');

  await activateAndLogin(owner, { name: 'Inviting Owner', email: uniqueEmail('inviting') });
  await addCharger(owner, { name: 'Driveway charger', identity: `SIGNUP-${Date.now().toString(36).toUpperCase()}` });
  await owner.goto('/customers');
  await expect(owner.getByTestId('invite-outcomes')).toContainText('No account yet: they get a link to sign up and join.');
  await owner.getByLabel('E-mail').fill(newcomerEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${newcomerEmail}.`)).toBeVisible();
  await expect(owner.getByTestId('pending-invites')).toContainText(newcomerEmail);

  await openMailLink(newcomer, { to: newcomerEmail, subject: 'Inviting Owner invited you' });
  await expect(newcomer).toHaveURL(/\/register\?invite=/);
  await expect(newcomer.getByRole('heading', { name: 'Create your account and join' })).toBeVisible();
  const address = newcomer.getByLabel('E-mail');
  await expect(address).toHaveValue(newcomerEmail);
  await expect(address).toHaveAttribute('readonly', '');
  await newcomer.getByLabel('Your name').fill('New Driver');
  await newcomer.getByLabel('Password').fill(PASSWORD);
  await newcomer.getByRole('button', { name: 'Create account and join' }).click();

  // No activation e-mail to open, no onboarding: straight to the owner's charger, in the owner's account.
  await expect(newcomer).toHaveURL(/\/charge$/);
  await expect(newcomer.getByTestId('charge-card').filter({ hasText: 'Driveway charger' })).toBeVisible();
  await expect(newcomer.getByTestId('account-switcher').first().locator('option:checked')).toHaveText('Inviting Owner');

  await owner.reload();
  await expect(owner.getByTestId('member-row').filter({ hasText: newcomerEmail }).getByRole('definition').first()).toHaveText('Co-owner');
  await expect(owner.getByText('No invitations are waiting.')).toBeVisible();

  // The link worked once; opened again it says so and offers the ordinary registration.
  await openMailLink(newcomer, { to: newcomerEmail, subject: 'Inviting Owner invited you' });
  await expect(newcomer.getByText('This invitation was already used.')).toBeVisible();
  await expect(newcomer.getByRole('button', { name: 'Create account', exact: true })).toBeVisible();

  await ownerContext.close();
  await newcomerContext.close();
});
