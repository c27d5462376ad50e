import { devices, expect, test } from '@playwright/test';
import { activateAndLogin, uniqueEmail } from './helpers';

test.use({ ...devices['Pixel 7'], locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

test('an owner makes a feed token on a phone, a meter posts with it, and the page shows the reading', async ({ page, request }) => {
  await activateAndLogin(page, { name: 'Greta Gridowner', email: uniqueEmail('feed') });
  await page.goto('/chargers');
  await page.getByRole('link', { name: 'Home meter feed' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Home meter feed');
  await expect(page.getByText('No reading yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Make a token' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await page.getByLabel('Name').fill('Home Assistant');
  await page.getByRole('button', { name: 'Make a token' }).click();
  const token = await page.getByTestId('new-feed-token').inputValue();
  expect(token).toMatch(/^cwfeed_/);
  const endpoint = await page.getByTestId('feed-endpoint').inputValue();

  const refused = await request.post(endpoint, { data: { powerW: 1250 }, headers: { authorization: 'Bearer cwfeed_wrong' } });
  expect(refused.status()).toBe(401);
  const sent = await request.post(endpoint, { data: { powerW: 1250 }, headers: { authorization: `Bearer ${token}` } });
  expect(sent.status()).toBe(202);

  await page.reload();
  await expect(page.getByTestId('grid-reading')).toContainText('Drawing 1.25 kW from the grid');
  await expect(page.getByTestId('feed-tokens')).toContainText('last used');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId('feed-tokens')).toContainText('revoked');
  expect((await request.post(endpoint, { data: { powerW: 1 }, headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});
