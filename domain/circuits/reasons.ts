// Why a circuit's limits were sent again, as its change log shows it. The charger whose event it was is stored beside.
export const CIRCUIT_REASONS = [
  'sessionStarted',
  'sessionStopped',
  'statusChanged',
  'chargerOffline',
  'chargerOnline',
  'capacityChanged',
  'chargersChanged',
  'limitChanged',
  // The periodic check: a charging window opened or closed, or an event was missed.
  'scheduled',
  // The home meter feed (a circuit at the grid connection): a reading over the fuse, a reading that moved the budget,
  // the solar surplus moving it, the feed gone silent (back to the static shares) and back again.
  'gridImportAboveLimit',
  'gridLoadChanged',
  'solarSurplusChanged',
  'meterFeedSilent',
  'meterFeedResumed',
] as const;
export type CircuitReason = (typeof CIRCUIT_REASONS)[number];

export type CircuitTrigger = { reason: CircuitReason; chargerId: string | null };

// The web app NOTIFYs this channel, in the transaction of a change to a circuit (its capacity, its chargers) or to
// the power settings of a charger in one, and on each grid reading for a circuit that follows the meter feed, with
// `{ circuitId, reason, chargerId }`; the OCPP server plans it again.
export const CIRCUIT_CHANGED_CHANNEL = 'circuit_changed';
