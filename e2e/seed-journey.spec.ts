import type { ChildProcess } from 'node:child_process';
import { devices, expect, test, type Download } from '@playwright/test';
import { activateAndLogin, addCharger, addPhysicalCard, giveVirtualCard, inviteAndAccept, openAdvanced, uniqueEmail } from './helpers';
import { PERSONALITIES } from './personalities';
import { startSimulator } from './simulator';

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The seed's journey, end to end, against each way real 1.6 firmware behaves, and against a charger speaking OCPP
// 2.0.1: whatever the charger does and speaks, the owner's first session works.
const JOURNEYS: [name: string, flags: string[]][] = [
  ...PERSONALITIES.map(([personality, flags]): [string, string[]] => [`a charger that ${personality}`, flags]),
  ['a charger speaking OCPP 2.0.1', ['--ocpp=2.0.1']],
];
for (const [charger, flags] of JOURNEYS) {
  test(`register, add a charger, cards, invite, then start and stop from the app, with ${charger}`, async ({ browser }) => {
    // Two people from registration to a stopped session: on a busy 2-core machine that nears the default hang guard.
    test.slow();
    const ownerContext = await browser.newContext({ locale: 'en-GB' });
    const driverContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-GB' });
    const owner = await ownerContext.newPage();
    const driver = await driverContext.newPage();
    const driverEmail = uniqueEmail('journey-driver');
    await activateAndLogin(driver, { name: 'Jonas Driver', email: driverEmail });
    await activateAndLogin(owner, { name: 'Rasa Owner', email: uniqueEmail('journey-owner') });

    const identity = `JRN-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
    const connection = await addCharger(owner, { name: 'Driveway', identity });
    await owner.getByRole('link', { name: "Open the charger's page" }).click();
    await openAdvanced(owner);
    // A reading every second, so that live power shows at once; a charger that boots with sampling off gets it from
    // the platform's provisioning, the others are run at that pace.
    await owner.getByLabel('Seconds between readings during a session').fill('1');
    await owner.getByTestId('charger-advanced').getByRole('button', { name: 'Save and send to the charger' }).click();
    await expect(owner.getByText('Saved. The charger is set now if it is online, else at its next connection.')).toBeVisible();

    await addPhysicalCard(owner, { idTag: 'HALLFOB1', label: 'Hall fob' });
    await inviteAndAccept(owner, driver, { email: driverEmail, ownerName: 'Rasa Owner' });
    await giveVirtualCard(owner, { email: driverEmail, label: "Jonas's phone" });

    simulator = startSimulator({ ...connection, extra: ['--meter-interval=1000', '--power=180000', ...flags] });

    await driver.goto('/charge');
    const charger = driver.getByTestId('charge-card').filter({ hasText: 'Driveway' });
    await expect(charger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
    await charger.getByRole('button', { name: 'Start charging' }).click();
    const running = charger.getByTestId('running-session');
    await expect(running).toBeVisible({ timeout: 60_000 });
    await expect(running.getByTestId('session-power')).toHaveText('180 kW', { timeout: 60_000 });
    // The car takes some energy before the driver stops: a meter read after the start (a simulator's meter moves at
    // its readings, one a second here, so a stop within the first second would rightly show 0 kWh).
    await expect(running.getByTestId('session-energy')).not.toHaveText(/^0[.,]00\b/, { timeout: 60_000 });

    await charger.getByRole('button', { name: 'Stop charging' }).click();
    await expect(charger.getByTestId('finished-session')).toBeVisible({ timeout: 60_000 });

    await driver.goto('/sessions');
    const session = driver.getByTestId('session-cards').getByRole('link').first();
    await expect(session).toContainText('Driveway');
    await expect(session).toContainText("Jonas's phone");
    const energy = /([\d.]+)\s*kWh/.exec(await session.innerText());
    expect(Number(energy?.[1])).toBeGreaterThan(0);

    // The CSV the driver downloads holds the same session with its energy.
    const [csv] = await Promise.all([driver.waitForEvent('download'), driver.getByRole('link', { name: 'Export CSV' }).click()]);
    const line = (await downloaded(csv)).split(/\r?\n/).find((row) => row.includes('Driveway'));
    expect(line).toContain("Jonas's phone");
    // Columns: id, charger, connector, user, card, idTag, started, stopped, minutes, energy (kWh), ...
    expect(Number(csvFields(line!)[9])).toBeGreaterThan(0);

    await ownerContext.close();
    await driverContext.close();
  });
}

async function downloaded(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function csvFields(line: string) {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map(([, field]) => field!.replace(/^"|"$/g, '').replaceAll('""', '"'));
}
