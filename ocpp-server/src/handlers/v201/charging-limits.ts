import type { V201Handler } from './types';

// K12: a limit set outside the platform (an energy manager, the grid operator) now bounds the charger. The message
// itself is kept in the charger's log on its page, which shows the owner who capped the power; the answer is empty.
export const notifyChargingLimit: V201Handler<'NotifyChargingLimit'> = async ({ log }, request) => {
  const { chargingLimitSource, isGridCritical } = request.chargingLimit;
  log.info({ chargingLimitSource, isGridCritical, evseId: request.evseId }, 'external charging limit reported');
  return {};
};

// K09: the profiles a charger holds, sent after a GetChargingProfiles; kept in the charger's log on its page.
export const reportChargingProfiles: V201Handler<'ReportChargingProfiles'> = async ({ log }, request) => {
  log.info({ requestId: request.requestId, source: request.chargingLimitSource, evseId: request.evseId, profiles: request.chargingProfile.length }, 'charging profiles reported');
  return {};
};
