// A fuse an owner may describe: from a single 6 A breaker to a building's main supply.
export const MAX_CIRCUIT_CAPACITY_A = 1000;
// The least a car charges at (IEC 61851-1: 6 A), and the most a 1.6 AC charger gives on a phase.
export const MIN_SESSION_CURRENT_A = 6;
export const MAX_SESSION_CURRENT_A = 32;
export const DEFAULT_MIN_CURRENT_A = 6;
