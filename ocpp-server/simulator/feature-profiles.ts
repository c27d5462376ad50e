// The profiles the simulated charger lists in SupportedFeatureProfiles (OCPP 1.6 §9.1.30): the ones it implements.
export function featureProfiles({ reservations, localList, smartCharging }: { reservations: boolean; localList: boolean; smartCharging: boolean }): string {
  return [
    'Core',
    'RemoteTrigger',
    ...(localList ? ['LocalAuthListManagement'] : []),
    ...(reservations ? ['Reservation'] : []),
    ...(smartCharging ? ['SmartCharging'] : []),
  ].join(',');
}
