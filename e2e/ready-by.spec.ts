import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', timezoneId: 'UTC', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

const HOUR = 3_600_000;

// Zones without summer time, one per whole offset, so that whatever the hour the test runs at, some zone's clock shows
// early afternoon: "ready by 07:00" there is then always the next morning, some sixteen hours ahead.
const ZONES_BY_OFFSET: Record<number, string> = {
  [-9]: 'Pacific/Gambier', [-8]: 'Pacific/Pitcairn', [-7]: 'America/Phoenix', [-6]: 'America/Guatemala', [-5]: 'America/Bogota', [-4]: 'America/La_Paz',
  [-3]: 'America/Sao_Paulo', [-2]: 'America/Noronha', [-1]: 'Atlantic/Cape_Verde', 0: 'UTC', 1: 'Africa/Lagos', 2: 'Africa/Johannesburg',
  3: 'Europe/Istanbul', 4: 'Asia/Dubai', 5: 'Asia/Tashkent', 6: 'Asia/Dhaka', 7: 'Asia/Bangkok', 8: 'Asia/Shanghai', 9: 'Asia/Tokyo',
  10: 'Pacific/Port_Moresby', 11: 'Pacific/Noumea', 12: 'Pacific/Tarawa', 13: 'Pacific/Tongatapu', 14: 'Pacific/Kiritimati',
};

// Today's and tomorrow's hours on that clock: dear all day, cheap from 03:00 to 05:00 local before the 07:00 departure.
function priceDay(now: number) {
  const offset = 14 - new Date(now).getUTCHours();
  const localMidnight = Math.floor((now + offset * HOUR) / (24 * HOUR)) * 24 * HOUR - offset * HOUR;
  const cheap = [localMidnight + 27 * HOUR, localMidnight + 28 * HOUR];
  const lines = Array.from({ length: 48 }, (_, i) => {
    const startsAt = localMidnight + i * HOUR;
    return `${new Date(startsAt).toISOString().replace('.000Z', 'Z')},${cheap.includes(startsAt) ? '0.05' : '0.30'}`;
  });
  return { zone: ZONES_BY_OFFSET[offset]!, csv: ['start,price', ...lines].join('\n'), cheapStarts: cheap.map((ms) => new Date(ms).toISOString()) };
}

// The same page and the same steps for a charger speaking OCPP 2.0.1.
for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner imports a day-ahead day, sets "ready by 07:00, 20 kWh" and sees the plan in the cheapest hours with its cost; "Charge now" removes it${onVersion}`, async ({ page }) => {
    test.slow();
    const { zone, csv, cheapStarts } = priceDay(Date.now());
    const email = uniqueEmail('readyby');
    await activateAndLogin(page, { name: 'Rita Ready', email });
    const connection = await addCharger(page, { name: 'Driveway charger', identity: `RDY-${Date.now().toString(36).toUpperCase()}` });
    simulator = startSimulator({ ...connection, extra: ['--meter-interval=1000', '--power=11000', ...(version === '1.6' ? [] : ['--ocpp=2.0.1'])] });
    await giveVirtualCard(page, { email, label: 'My phone' });

    await page.goto('/sessions/tariff');
    const zoneForm = page.getByTestId('time-zone');
    await zoneForm.getByLabel('Time zone').selectOption(zone);
    await zoneForm.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Time zone saved.')).toBeVisible();
    const prices = page.getByTestId('tariff-account');
    await prices.getByRole('radio', { name: 'Day-ahead hourly prices' }).check();
    await prices.getByLabel('Price for hours not imported').fill('0.40');
    await prices.getByRole('button', { name: 'Save' }).click();
    await expect(prices.getByText(/^Saved\./)).toBeVisible();
    await page.getByLabel('CSV or JSON file').setInputFiles({ name: 'day-ahead.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByText(/^Read 48 hours/)).toBeVisible();

    await page.goto('/charge');
    const card = page.getByTestId('charge-card').filter({ hasText: 'Driveway charger' });
    await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
    await card.getByTestId('start-form').getByLabel('Connector').selectOption('1');
    await card.getByTestId('start-form').getByRole('button', { name: 'Start charging' }).click();
    const session = card.getByTestId('running-session');
    await expect(session.getByTestId('session-power')).toHaveText('11 kW', { timeout: 60_000 });

    // With no car entered, a plan is by kWh only, and the form says where a car is added.
    const form = session.getByTestId('ready-by-form');
    await expect(form.getByRole('radio', { name: 'Battery level' })).toHaveCount(0);
    await expect(form.getByText('Add your car under My cars to plan by battery level.')).toBeVisible();

    // A bad amount is refused next to its field.
    await form.getByLabel('Leaving at').fill('07:00');
    await form.getByLabel('Energy to add (kWh)').fill('0');
    await form.getByRole('button', { name: 'Plan the cheapest hours' }).click();
    await expect(form.getByText('Enter kilowatt-hours above 0, at most 200, like 20.')).toBeVisible();

    await form.getByLabel('Energy to add (kWh)').fill('20');
    await form.getByRole('button', { name: 'Plan the cheapest hours' }).click();
    const plan = session.getByTestId('ready-by-plan');
    // 20 kWh at 11 kW: the two cheap hours, at €0.05 per kWh.
    await expect(plan.getByTestId('plan-summary')).toHaveText(/^20 kWh by \w+ 0?7:00( AM)?, expected cost €1\.00$/);
    // The two cheap hours share a price, so they are one bar.
    const charging = plan.locator('[data-testid="plan-bar"][data-charging="true"]');
    await expect(charging).toHaveCount(1);
    await expect(charging).toHaveAttribute('data-starts-at', cheapStarts[0]!);
    await expect(charging).toHaveAccessibleName(/^0?3:00( AM)?–0?5:00( AM)?: €0\.05 per kWh, charging$/);
    await expect(plan.locator('[data-testid="plan-bar"][data-charging="false"]').first()).toHaveAccessibleName(/€0\.30 per kWh, waiting$/);
    // Outside the planned hours the charger gives the car nothing.
    await expect(session.getByTestId('session-power')).toHaveText('0 kW', { timeout: 60_000 });

    // The plan is stored: a reload shows it again.
    await page.reload();
    await expect(session.getByTestId('plan-summary')).toContainText('expected cost €1.00');

    await session.getByRole('button', { name: 'Charge now' }).click();
    await expect(session.getByTestId('ready-by-plan')).toHaveCount(0);
    await expect(session.getByTestId('session-power')).toHaveText('11 kW', { timeout: 60_000 });
  });
}
