import { devices, expect, test, type Browser } from '@playwright/test';
import { activateAndLogin, inviteAndAccept, uniqueEmail } from './helpers';

const phone = { ...devices['Pixel 7'], locale: 'en-GB', timezoneId: 'Europe/Vilnius' };
test.use(phone);

async function newPhone(browser: Browser) {
  return (await browser.newContext(phone)).newPage();
}

test('the owner sets the time zone, time-of-use prices and a member’s own price on a phone, and sees them saved', async ({ browser }) => {
  const owner = await newPhone(browser);
  const member = await newPhone(browser);
  const memberEmail = uniqueEmail('tenant');
  await activateAndLogin(member, { name: 'Tomas Tenant', email: memberEmail });
  await activateAndLogin(owner, { name: 'Rasa Owner', email: uniqueEmail('owner') });
  await inviteAndAccept(owner, member, { email: memberEmail, ownerName: 'Rasa Owner' });

  await owner.goto('/sessions');
  await owner.getByRole('link', { name: 'Prices' }).click();
  await expect(owner.getByRole('heading', { name: 'Prices', level: 1 })).toBeVisible();

  // A new account is on UTC: the browser's zone is offered.
  const zone = owner.getByLabel('Time zone');
  await expect(zone).toHaveValue('Europe/Vilnius');
  await expect(owner.getByText('Suggested from this browser; save to use it.')).toBeVisible();
  await owner.getByTestId('time-zone').getByRole('button', { name: 'Save' }).click();
  await expect(owner.getByText('Time zone saved.')).toBeVisible();

  const prices = owner.getByTestId('tariff-account');
  await prices.getByRole('radio', { name: 'Time of use' }).check();
  const period = (n: number) => prices.getByTestId(`period-${n}`);
  await period(0).getByLabel('To hour').fill('17');
  await period(0).getByLabel('Price per kWh').fill('0,20');
  await prices.getByRole('button', { name: 'Add a period' }).click();
  await period(1).getByLabel('Days').selectOption({ label: 'Monday to Friday' });
  await period(1).getByLabel('From hour').fill('16');
  await period(1).getByLabel('To hour').fill('24');
  await period(1).getByLabel('Price per kWh').fill('0.35');
  await prices.getByRole('button', { name: 'Save' }).click();
  await expect(period(1).getByText('This period overlaps an earlier one: an hour can have only one price.')).toBeVisible();

  // Fixed: weekdays from 17 at the peak price, weekends from 17 cheaper; every hour once.
  await period(1).getByLabel('From hour').fill('17');
  await prices.getByRole('button', { name: 'Save' }).click();
  await expect(prices.getByText('Some hours have no price: every hour of every day needs exactly one period.')).toBeVisible();
  await prices.getByRole('button', { name: 'Add a period' }).click();
  await period(2).getByLabel('Days').selectOption({ label: 'Saturday and Sunday' });
  await period(2).getByLabel('From hour').fill('17');
  await period(2).getByLabel('To hour').fill('24');
  await period(2).getByLabel('Price per kWh').fill('0.15');
  await prices.getByRole('button', { name: 'Save' }).click();
  await expect(prices.getByText(/^Saved\./)).toBeVisible();

  const tenant = owner.getByTestId(/^own-price-/).filter({ hasText: 'Tomas Tenant' });
  await expect(tenant.getByText('Pays the charger’s price')).toBeVisible();
  await tenant.getByLabel('Own price per kWh').fill('0.1');
  await tenant.getByRole('button', { name: 'Save' }).click();
  await expect(tenant.getByText('Own price: €0.10 per kWh')).toBeVisible();

  await owner.reload();
  await expect(owner.getByLabel('Time zone')).toHaveValue('Europe/Vilnius');
  await expect(owner.getByText('Suggested from this browser; save to use it.')).toHaveCount(0);
  await expect(prices.getByText(/^Time of use since /)).toBeVisible();
  await expect(period(1).getByLabel('Days')).toHaveValue('weekdays');
  await expect(period(1).getByLabel('From hour')).toHaveValue('17');
  await expect(period(2).getByLabel('Price per kWh')).toHaveValue('0.15');
  await expect(owner.getByTestId(/^own-price-/).filter({ hasText: 'Tomas Tenant' }).getByText('Own price: €0.10 per kWh')).toBeVisible();
});
