import { describe, expect, it } from 'vitest';
import { createBackgroundSlots } from '../background-slots';
import { createChargerRuns } from '../charger-runs';
import { createLogger } from '../logger';
import { isOwnerProvisionReason, nextProvisionReason, type ProvisionReason } from './provisioner';

const provisioningRuns = (run: (chargerId: string, reason: ProvisionReason) => Promise<void>) =>
  createChargerRuns<ProvisionReason>({
    delayMs: 0,
    log: createLogger('silent'),
    name: 'provisioning',
    run,
    nextReason: nextProvisionReason,
    skipsLine: isOwnerProvisionReason,
    slots: createBackgroundSlots(1),
    isConnected: () => true,
  });

// The runs a charger gets when reasons arrive while one is under way (the run itself held open by the test).
async function runsFor(first: ProvisionReason, arriving: ProvisionReason[]) {
  const ran: ProvisionReason[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const runs = provisioningRuns(async (_chargerId, reason) => {
    ran.push(reason);
    if (ran.length === 1) await held;
  });
  void runs.schedule('CP-1', first);
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const reason of arriving) void runs.schedule('CP-1', reason);
  release();
  await runs.settled();
  await runs.settled();
  return ran;
}

describe('provisioning runs of one charger', () => {
  // A new charger's connection starts a 'reconnect' run that provisions nothing (it has not booted yet); its
  // BootNotification may be answered while that run still reads the database.
  it('runs the boot that arrives during a reconnect run after it, rather than dropping it', async () => {
    expect(await runsFor('reconnect', ['boot'])).toEqual(['reconnect', 'boot']);
  });

  it('runs saved settings after the run under way, once however often they are saved', async () => {
    expect(await runsFor('boot', ['settings', 'settings'])).toEqual(['boot', 'settings']);
  });

  it('lets an unconditional run already waiting stand for a reconnect that follows it', async () => {
    expect(await runsFor('reconnect', ['boot', 'reconnect'])).toEqual(['reconnect', 'boot']);
  });

  // A fleet booting together: each charger's connection and boot both ask for a run, which waits for a slot.
  it('makes one run of what arrives while the charger’s run still waits for its slot, the boot standing for the rest', async () => {
    const ran: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // One slot, held by CP-0 while CP-1's reasons arrive.
    const runs = provisioningRuns(async (chargerId, reason) => {
      ran.push(`${chargerId} ${reason}`);
      if (chargerId === 'CP-0') await held;
    });
    void runs.schedule('CP-0', 'boot');
    await new Promise((resolve) => setTimeout(resolve, 10));
    void runs.schedule('CP-1', 'reconnect');
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const reason of ['boot', 'settings', 'reconnect'] as const) void runs.schedule('CP-1', reason);
    release();
    await runs.settled();
    await runs.settled();
    expect(ran).toEqual(['CP-0 boot', 'CP-1 boot']);
  });

  // A silent charger holds a slot for whole call timeouts; an owner's saved power or meter setting must not wait
  // behind it, neither its first run nor one more saved while that run is under way.
  it('sends an owner’s saved settings without waiting for the slot a silent charger holds, again when saved during the run', async () => {
    const ran: string[] = [];
    let releaseSilent = () => {};
    const silent = new Promise<void>((resolve) => (releaseSilent = resolve));
    let releaseFirst = () => {};
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    let secondDone = () => {};
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    const runs = provisioningRuns(async (chargerId, reason) => {
      ran.push(`${chargerId} ${reason}`);
      if (chargerId === 'CP-0') await silent;
      else if (ran.length === 2) await first;
      else secondDone();
    });
    void runs.schedule('CP-0', 'boot');
    await new Promise((resolve) => setTimeout(resolve, 10));
    void runs.schedule('CP-1', 'settings');
    await new Promise((resolve) => setTimeout(resolve, 10));
    void runs.schedule('CP-1', 'settings');
    releaseFirst();
    await second;
    expect(ran).toEqual(['CP-0 boot', 'CP-1 settings', 'CP-1 settings']);
    releaseSilent();
    await runs.settled();
  });
});
