import type { PlanCharger, PlanSession } from './plan';

// Test builders: an online three-phase charger of one connector taking profiles, up to 32 A, its windows open, and
// a charging session on its connector 1 not yet sent a limit.
export const planCharger = (chargerId: string, overrides: Partial<PlanCharger> = {}): PlanCharger => ({
  chargerId,
  isOnline: true,
  isControllable: true,
  phases: 3,
  circuitPhase: 1,
  maxA: 32,
  isWindowOpen: true,
  connectorCount: 1,
  defaultShareA: null,
  ...overrides,
});

export const planSession = (transactionId: number, chargerId: string, overrides: Partial<PlanSession> = {}): PlanSession => ({
  transactionId,
  chargerId,
  connectorId: 1,
  status: 'Charging',
  currentA: null,
  ...overrides,
});
