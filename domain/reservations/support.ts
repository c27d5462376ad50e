// The feature profile name a charger lists in SupportedFeatureProfiles when it takes ReserveNow (OCPP 1.6 §3.4).
export const RESERVATION_PROFILE = 'Reservation';

// CALLERROR codes by which a charger says it does not implement a message (OCPP-J 1.6 §4.2.3).
export const UNSUPPORTED_ANSWERS = ['NotImplemented', 'NotSupported'] as const;
