import type { ChildProcess } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

export type OnlineOwner = { email: string; chargerId: string; simulator: ChildProcess };

// A new owner logged in on `page`, with a charger the simulator keeps online and a virtual card of their own.
// `tag` starts the e-mail address and the charger's identity.
export async function ownerWithOnlineCharger(page: Page, { name, tag = 'a11y', afterLogin }: { name: string; tag?: string; afterLogin?: () => Promise<void> }): Promise<OnlineOwner> {
  const email = uniqueEmail(tag);
  await activateAndLogin(page, { name, email });
  await afterLogin?.();
  const connection = await addCharger(page, { name: 'Garage wallbox', identity: `${tag.toUpperCase()}-${Date.now().toString(36).toUpperCase()}` });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  // Read once the charger's own page has opened: until then the address is still /chargers/new.
  await expect(page).toHaveURL(/\/chargers\/(?!new$)[^/]+$/);
  const chargerId = new URL(page.url()).pathname.split('/').pop()!;
  const simulator = startSimulator({ ...connection, extra: ['--meter-interval', '1000', '--power', '22000'] });
  await giveVirtualCard(page, { email, label: 'My phone' });
  return { email, chargerId, simulator };
}

// The owner's charger on the Charge page, once it shows as online.
export async function onlineChargeCard(page: Page): Promise<Locator> {
  await page.goto('/charge');
  const card = page.getByTestId('charge-card').filter({ hasText: 'Garage wallbox' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  return card;
}
