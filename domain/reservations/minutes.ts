// How long a member may hold a connector from the Charge page.
export const RESERVATION_MINUTES = [15, 30, 60, 120] as const;
