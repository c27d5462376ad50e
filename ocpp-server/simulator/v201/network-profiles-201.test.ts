import { describe, expect, it } from 'vitest';
import type { NetworkConnectionProfileType } from '../../src/ocpp/v201';
import { SimulatorClientCertificate } from '../client-certificate';
import { simulatedDeviceModel } from './device-model';
import { SimulatorNetworkProfiles201 } from './network-profiles-201';

const SECURE = 'wss://csms.example.test/ocpp';
const profile = (securityProfile: number, ocppCsmsUrl = SECURE): NetworkConnectionProfileType => ({
  ocppVersion: 'OCPP20',
  ocppTransport: 'JSON',
  ocppCsmsUrl,
  messageTimeout: 30,
  securityProfile,
  ocppInterface: 'Wired0',
});
const priority = (attributeValue: string) => ({ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue });

function station({ serverCa }: { serverCa?: string } = { serverCa: 'PEM' }) {
  const model = simulatedDeviceModel({ evses: 1, heartbeatIntervalSec: 300 });
  return new SimulatorNetworkProfiles201('ws://csms.example.test/ocpp', model, new SimulatorClientCertificate(serverCa ? { serverCa } : {}));
}

describe('the simulated 2.0.1 station’s network profiles', () => {
  it('switches to the slot first in its priority at a restart, and then refuses a profile lower than the one it runs under', () => {
    const profiles = station();
    expect(profiles.set(1, profile(2))).toBe('Accepted');
    expect(profiles.switchAtRestart()).toBeNull();
    expect(profiles.setPriority(priority('1,0'))).toMatchObject({ attributeStatus: 'Accepted' });
    expect(profiles.switchAtRestart()).toEqual({ url: SECURE, securityProfile: 2 });
    expect(profiles.securityProfile).toBe(2);
    expect(profiles.switchAtRestart()).toBeNull();
    expect(profiles.set(2, profile(1))).toBe('Rejected');
  });

  it('refuses a profile whose prerequisites it lacks: a wss:// address, a server CA it trusts, for 3 its own certificate', () => {
    expect(station().set(1, profile(2, 'ws://csms.example.test/ocpp'))).toBe('Rejected');
    expect(station({}).set(1, profile(2))).toBe('Rejected');
    expect(station().set(1, profile(3))).toBe('Rejected');
    expect(station().set(1, { ...profile(2), ocppVersion: 'OCPP16' })).toBe('Rejected');
  });

  it('refuses a priority naming a slot it holds no profile in, and keeps the one it had', () => {
    const profiles = station();
    expect(profiles.setPriority(priority('3,0'))).toMatchObject({ attributeStatus: 'Rejected' });
    expect(profiles.switchAtRestart()).toBeNull();
    expect(profiles.setPriority({ ...priority('0'), variable: { name: 'HeartbeatInterval' } })).toBeNull();
  });
});
