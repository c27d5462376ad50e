// Energy of a session: the stored total once stopped, else the last register reading since the start.
export function sessionEnergyWh(session: { energyWh: number | null; lastMeterWh: number | null; meterStartWh: number }): number {
  if (session.energyWh !== null) return session.energyWh;
  return session.lastMeterWh === null ? 0 : Math.max(0, session.lastMeterWh - session.meterStartWh);
}
