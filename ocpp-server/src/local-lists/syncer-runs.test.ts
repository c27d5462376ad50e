import { describe, expect, it } from 'vitest';
import { createBackgroundSlots } from '../background-slots';
import { createChargerRuns } from '../charger-runs';
import { createLogger } from '../logger';
import type { LocalListSyncReason } from './sync';
import { foldLocalListReason, isOwnerListReason, nextLocalListReason } from './syncer';

const syncRuns = (run: (chargerId: string, reason: LocalListSyncReason) => Promise<void>) =>
  createChargerRuns<LocalListSyncReason>({
    delayMs: 0,
    log: createLogger('silent'),
    name: 'local list sync',
    run,
    nextReason: nextLocalListReason,
    foldReason: foldLocalListReason,
    skipsLine: isOwnerListReason,
    slots: createBackgroundSlots(1),
    isConnected: () => true,
  });

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

// One slot, taken by CP-0's boot run, held until `release`.
async function withSlotHeld() {
  const ran: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const runs = syncRuns(async (chargerId, reason) => {
    ran.push(`${chargerId} ${reason}`);
    if (chargerId === 'CP-0') await held;
  });
  void runs.schedule('CP-0', 'boot');
  await tick();
  return { ran, release, runs };
}

describe('Local Authorization List runs of one charger', () => {
  // A fleet reconnecting while an owner edits a card: the charger's reconnect run still waits for its slot when the
  // change arrives. Only a reconnect or boot asks the charger its list version, so the run must keep that reason.
  it.each([['change'], ['sweep']] as const)('keeps asking the version when a %s arrives while the reconnect run waits for its slot', async (arriving) => {
    const { ran, release, runs } = await withSlotHeld();
    void runs.schedule('CP-1', 'reconnect');
    await tick();
    void runs.schedule('CP-1', arriving);
    release();
    await runs.settled();
    await runs.settled();
    expect(ran).toEqual(['CP-0 boot', 'CP-1 reconnect']);
  });

  // A removed card must leave the charger's list promptly, even while a silent charger holds the only slot.
  it('sends an owner’s card change without waiting for the slot a silent charger holds', async () => {
    const { ran, release, runs } = await withSlotHeld();
    await runs.schedule('CP-1', 'change');
    expect(ran).toEqual(['CP-0 boot', 'CP-1 change']);
    release();
    await runs.settled();
  });

  // A fleet reconnecting behind silent chargers: the owner's change must not wait with the run already in line.
  it('starts at once a run waiting for its slot when an owner’s card change arrives for it, keeping its reconnect', async () => {
    const { ran, release, runs } = await withSlotHeld();
    const waiting = runs.schedule('CP-1', 'reconnect');
    await tick();
    void runs.schedule('CP-1', 'change');
    await waiting;
    expect(ran).toEqual(['CP-0 boot', 'CP-1 reconnect']);
    release();
    await runs.settled();
  });
});
