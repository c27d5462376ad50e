// The owner's maximum: from the least a car charges at (6 A on one phase) to the most a 1.6 AC charger gives (63 A on
// three phases).
export const MIN_OWNER_POWER_KW = 1.4;
export const MAX_OWNER_POWER_KW = 43;
// How many charging windows the form offers.
export const WINDOW_ROWS = 3;
// A phase's nominal voltage the owner may give.
export const MIN_VOLTAGE = 100;
export const MAX_VOLTAGE = 400;
