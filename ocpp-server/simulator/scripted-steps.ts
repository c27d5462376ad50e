import type { StatusNotificationRequest } from '../src/ocpp/v16';
import type { SimulatedCharger } from './simulated-charger';

type ConnectorStatus = StatusNotificationRequest['status'];
type ErrorCode = StatusNotificationRequest['errorCode'];

// What a scripted scenario makes the charger do once it has booted: cards shown at its reader (an Authorize each),
// then connector statuses as `connector:status[:errorCode]` (`1:SuspendedEV`, `2:Faulted:GroundFailure`).
export type ScriptedSteps = { presentedCards: string[]; statuses: { connectorId: number; status: ConnectorStatus; errorCode: ErrorCode }[] };

export function parseStatusStep(step: string) {
  const [connector, status, errorCode = 'NoError'] = step.split(':');
  const connectorId = Number(connector);
  if (!Number.isInteger(connectorId) || connectorId < 0 || !status) throw new Error(`--connector-status ${step}: expected connector:status[:errorCode]`);
  // The charger's own schema check (ocpp-rpc strict mode) refuses a status or error code 1.6 does not name.
  return { connectorId, status: status as ConnectorStatus, errorCode: errorCode as ErrorCode };
}

export async function runScriptedSteps(charger: SimulatedCharger, { presentedCards, statuses }: ScriptedSteps) {
  for (const idTag of presentedCards) {
    const status = await charger.authorize(idTag);
    console.log(JSON.stringify({ msg: 'card presented', idTag, status }));
  }
  for (const { connectorId, status, errorCode } of statuses) await charger.sendStatus(connectorId, status, errorCode);
}
