import * as OTPAuth from 'otpauth';
import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, login, PASSWORD, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

// The phone: an authenticator app computing RFC 6238 codes from the secret the page showed.
const codeOf = (secret: string, at = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

// A platform authenticator (a phone's or laptop's, with fingerprint) that Chromium simulates through the DevTools
// protocol: it keeps the passkeys it makes and answers for the user at once.
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
}

test('an authenticator app: scanned from the profile, then asked for at every login; a recovery code works once', async ({ page }) => {
  const email = uniqueEmail('totp');
  await activateAndLogin(page, { name: 'Tove Tp', email });
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Manage sign-in security' }).click();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = await page.getByTestId('totp-secret').inputValue();

  await page.getByLabel('Code from the app').fill(codeOf(secret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('This code is not right.')).toBeVisible();
  await page.getByLabel('Code from the app').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const listed = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(listed).toHaveCount(10);
  const codes = (await listed.allTextContents()).map((code) => code.trim());
  await page.getByRole('button', { name: 'I have saved the codes' }).click();
  await expect(page.getByTestId('recovery-codes')).toBeHidden();
  await expect(page.getByTestId('authenticator-status')).toHaveText('On');

  await logOut(page);
  await login(page, { email });
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole('heading', { name: "Confirm it's you" })).toBeVisible();
  // A code of the next step: the enrolment used this one, and a code works once.
  await page.getByLabel('Code from your authenticator app').fill(codeOf(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await logOut(page);
  await login(page, { email });
  await page.getByLabel('Code from your authenticator app').fill(codes[0]!);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await logOut(page);
  await login(page, { email });
  await page.getByLabel('Code from your authenticator app').fill(codes[0]!);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('This code is not right. 4 tries left.')).toBeVisible();
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test('a passkey: added from the profile with the virtual authenticator, then logs in without a password, and serves as the second factor', async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page);
  const email = uniqueEmail('passkey');
  await activateAndLogin(page, { name: 'Pat Key', email });
  await page.goto('/profile/security');
  await page.getByLabel('Name for the new passkey').fill('Test laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Passkey added. You can now log in with it.')).toBeVisible();
  // A first second factor comes with recovery codes.
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  expect(await authenticator.credentials()).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('passkeys')).toContainText('Test laptop');

  await logOut(page);
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in with a passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/profile/security');
  await expect(page.getByTestId('passkeys')).toContainText('last used');

  await logOut(page);
  await login(page, { email });
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByRole('button', { name: 'Use your passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Removed with the password; each change was mailed to the user, with the way to take the account back.
  await page.goto('/profile/security');
  const passkeys = page.getByTestId('passkeys');
  await passkeys.locator('summary', { hasText: 'Remove this passkey' }).click();
  await passkeys.getByLabel('Your current password').fill(PASSWORD);
  await passkeys.getByRole('button', { name: 'Remove this passkey' }).click();
  await expect(page.getByTestId('passkeys')).toHaveCount(0);
  await page.goto('/mailbox');
  const notices = page.getByRole('link', { name: new RegExp(`Your Chargewatch sign-in changed[\\s\\S]*${email.replace(/[.+]/g, '\\$&')}`) });
  await expect(notices).toHaveCount(2);
  await notices.first().click();
  await expect(page.getByTestId('email-body')).toContainText('A passkey was removed from your Chargewatch account.');
});
