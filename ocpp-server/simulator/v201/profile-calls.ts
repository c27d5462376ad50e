import type { SimulatedCharger201 } from './simulated-charger-201';

// How the 2.0.1 station answers smart charging (K01, K10, K08) and reservations (H01, H02), acting after it answers.
export function answerProfilesAndReservations(charger: SimulatedCharger201) {
  charger.answer('SetChargingProfile', async (params) => {
    const status = charger.chargingProfiles.set(params);
    if (status === 'Accepted') charger.later(() => charger.reviewLimits());
    return { status };
  });
  charger.answer('ClearChargingProfile', async (params) => {
    const status = charger.chargingProfiles.clear(params);
    charger.later(() => charger.reviewLimits());
    return { status };
  });
  charger.answer('GetCompositeSchedule', async (params) => charger.chargingProfiles.composite(params));
  charger.answer('ReserveNow', async (params) => ({ status: charger.reservations.reserve(params) }));
  charger.answer('CancelReservation', async (params) => ({ status: charger.reservations.cancel(params) }));
}
