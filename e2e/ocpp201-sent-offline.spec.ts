import { expect, test } from '@playwright/test';
import { RPCClient } from 'ocpp-rpc';
import { activateAndLogin, addCharger, addPhysicalCard, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let client: RPCClient | undefined;
test.afterEach(async () => {
  await client?.close({ force: true });
});

const energy = (timestamp: string, wh: number) => [{ timestamp, sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' }] }];

test('an owner sees on a 2.0.1 session’s page that the charger sent its readings once it was back online', async ({ page }) => {
  await activateAndLogin(page, { name: 'Olga Offline', email: uniqueEmail('offline201') });
  const identity = `LATE-${Date.now().toString(36).toUpperCase()}`;
  const { url, password } = await addCharger(page, { name: 'Barn wallbox', identity });
  const idTag = `LATE${Date.now().toString(36).toUpperCase()}`;
  await addPhysicalCard(page, { idTag, label: 'Barn card' });

  // A charger (a bare OCPP-J client) that lost its link mid-session: the reading and the end it kept come marked offline.
  client = new RPCClient({ endpoint: url.slice(0, url.lastIndexOf('/')), identity, password, protocols: ['ocpp2.0.1'] } as ConstructorParameters<typeof RPCClient>[0]);
  await client.connect();
  await client.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Barn', vendorName: 'Test' } });
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const transactionInfo = { transactionId: `tx-late-${identity}`, chargingState: 'Charging' };
  await client.call('TransactionEvent', { eventType: 'Started', timestamp: at(30), triggerReason: 'Authorized', seqNo: 0, transactionInfo, evse: { id: 1, connectorId: 1 }, idToken: { idToken: idTag, type: 'ISO14443' }, meterValue: energy(at(30), 1_000) });
  await client.call('TransactionEvent', { eventType: 'Updated', timestamp: at(20), triggerReason: 'MeterValuePeriodic', seqNo: 1, offline: true, transactionInfo, meterValue: energy(at(20), 3_000) });
  await client.call('TransactionEvent', { eventType: 'Ended', timestamp: at(10), triggerReason: 'StopAuthorized', seqNo: 2, offline: true, transactionInfo: { ...transactionInfo, stoppedReason: 'Local' }, meterValue: energy(at(10), 5_000) });

  await page.goto('/sessions');
  await page.getByTestId('session-table').getByRole('link').first().click();
  await page.waitForURL(/\/sessions\/\d+$/);
  await expect(page.getByTestId('session-sent-offline')).toHaveText('The charger was offline during part of this session: some of its readings were sent after the charger was back online.');
  await expect(page.getByTestId('session-facts')).toContainText('4.00 kWh');
});
