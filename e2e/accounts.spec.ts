import { expect, test } from '@playwright/test';
import { activateAndLogin, login, openMailLink, PASSWORD, register, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

test('a new owner registers, activates from the mailbox, lands on onboarding, switches language and logs out', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'Rūta Owner', email });

  await login(page, { email });
  await expect(page.getByRole('alert').filter({ hasText: /not activated yet/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send the activation link again' })).toBeVisible();

  await openMailLink(page, { to: email, subject: 'Activate your Chargewatch account' });
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await expect(page.getByText('Your account is active. Log in to continue.')).toBeVisible();

  await login(page, { email: 'nobody-' + email });
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' })).toBeVisible();
  await login(page, { email, password: 'not the password' });
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(email);

  await login(page, { email });
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole('heading', { name: 'Add your first charger' })).toBeVisible();

  await page.getByTestId('language-switcher').selectOption('lt');
  await expect(page.getByRole('heading', { name: 'Pridėkite pirmąją įkrovimo stotelę' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Add your first charger' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);

  await login(page, { email, password: PASSWORD });
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('registration keeps what was typed and explains each bad field', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Your name').fill('   ');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByText('Enter an e-mail address like name@example.com.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('an activation link used twice or forged shows a clear page', async ({ page }) => {
  const email = uniqueEmail();
  await register(page, { name: 'Twice', email });
  await openMailLink(page, { to: email, subject: 'Activate your Chargewatch account' });
  const link = page.url();
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await expect(page).toHaveURL(/notice=activated/);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  await page.goto('/activate?token=forged');
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
});

test('the profile refuses a sixth wrong current password as too many attempts, next to the field', async ({ page }) => {
  await activateAndLogin(page, { name: 'Guessed', email: uniqueEmail('guessed') });
  await page.goto('/profile');
  const current = page.getByLabel('Current password');
  for (let guess = 1; guess <= 6; guess++) {
    await current.fill(`wrong guess ${guess}`);
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    // React empties the form once the action has answered; until then the last guess's answer is still shown.
    await expect(current).toHaveValue('');
    const expected = guess <= 5 ? 'This is not your current password.' : 'Too many failed attempts. Try again in 15 minutes.';
    await expect(current).toHaveAccessibleDescription(expected);
  }
});

test('the profile keeps the notification choices an owner turned off, per kind and channel, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await activateAndLogin(page, { name: 'Quiet', email: uniqueEmail('quiet') });
  await page.goto('/profile');
  await expect(page.getByRole('button', { name: 'Turn on notifications on this device' })).toBeVisible();
  // The page registered the service worker that shows pushes: the app's CSP lets it run.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/);
  const joined = page.getByRole('group', { name: 'Someone joined the account' });
  await expect(joined.getByRole('checkbox', { name: 'E-mail' })).toBeChecked();
  await expect(joined.getByRole('checkbox', { name: 'Push' })).toBeChecked();
  await joined.getByRole('checkbox', { name: 'E-mail' }).uncheck();
  await page.getByRole('group', { name: 'A charger reports a fault' }).getByRole('checkbox', { name: 'Push' }).uncheck();
  const statement = page.getByRole('group', { name: 'My monthly statement is ready' });
  await statement.getByRole('checkbox', { name: 'E-mail' }).uncheck();
  await page.getByRole('button', { name: 'Save notifications' }).click();
  await expect(page.getByText('Your notification settings were saved.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.reload();
  await expect(joined.getByRole('checkbox', { name: 'E-mail' })).not.toBeChecked();
  await expect(joined.getByRole('checkbox', { name: 'Push' })).toBeChecked();
  const fault = page.getByRole('group', { name: 'A charger reports a fault' });
  await expect(fault.getByRole('checkbox', { name: 'E-mail' })).toBeChecked();
  await expect(fault.getByRole('checkbox', { name: 'Push' })).not.toBeChecked();
  await expect(statement.getByRole('checkbox', { name: 'E-mail' })).not.toBeChecked();
  await expect(statement.getByRole('checkbox', { name: 'Push' })).toBeChecked();

  await page.getByLabel('From').fill('22:00');
  await page.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect(page.getByLabel('Until')).toHaveAccessibleDescription(/Enter both times as hours and minutes/);
  await page.getByLabel('Until').fill('06:30');
  await page.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect(page.getByText('Your quiet hours were saved.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.reload();
  await expect(page.getByLabel('From')).toHaveValue('22:00');
  await expect(page.getByLabel('Until')).toHaveValue('06:30');
});
