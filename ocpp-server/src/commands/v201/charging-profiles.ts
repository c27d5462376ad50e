import type { Database } from '../../../../db/client';
import type { CommandPayloads } from '../../../../domain/commands/actions';
import { ocppTransactionIdOf } from '../../../../domain/data/charger-traffic/ocpp-transactions';
import type { ChargingProfile, ChargingProfilePurpose } from '../../../../domain/smart-charging/profile';
import { createRPCError } from '../../ocpp/rpc';
import { evseTarget } from './evse-target';
import type { ChargingProfilePurposeEnumType, ChargingProfileType, GetCompositeScheduleResponse, V201Requests } from '../../ocpp/v201';

// 1.6's charge point maximum is 2.0.1's charging station maximum (K01); the other purposes keep their names.
const PURPOSE: Record<ChargingProfilePurpose, ChargingProfilePurposeEnumType> = {
  ChargePointMaxProfile: 'ChargingStationMaxProfile',
  TxDefaultProfile: 'TxDefaultProfile',
  TxProfile: 'TxProfile',
};

// A TxProfile names the platform's session; the charger knows it by its own 2.0.1 transactionId.
async function transactionOf(db: Database, chargerId: string, transactionId: number | undefined) {
  if (transactionId === undefined) return {};
  const ocppTransactionId = await ocppTransactionIdOf(db, { chargerId, transactionId });
  if (!ocppTransactionId) throw createRPCError('GenericError', `Session ${transactionId} has no OCPP 2.0.1 transaction id`);
  return { transactionId: ocppTransactionId };
}

// A 2.0.1 profile carries a list of schedules, each with an id (K01: one, or up to three for ISO 15118); the
// platform sends one, named after its profile.
export async function toV201Profile(db: Database, chargerId: string, profile: ChargingProfile): Promise<ChargingProfileType> {
  const { chargingProfileId, transactionId, chargingProfilePurpose, chargingSchedule, ...rest } = profile;
  return {
    ...rest,
    id: chargingProfileId,
    chargingProfilePurpose: PURPOSE[chargingProfilePurpose],
    chargingSchedule: [{ id: chargingProfileId, ...chargingSchedule }],
    ...(await transactionOf(db, chargerId, transactionId)),
  };
}

// A profile is an EVSE's (K01): our connector's EVSE (evse-target.ts), so the connectors of one EVSE share its
// limit; connector 0 is the station as a whole (evseId 0).
async function evseIdOf(db: Database, chargerId: string, connectorId: number) {
  return (await evseTarget(db, { chargerId, connectorId }))?.evseId ?? 0;
}

export async function setProfileRequest(db: Database, chargerId: string, payload: CommandPayloads['SetChargingProfile']): Promise<V201Requests['SetChargingProfile']> {
  return { evseId: await evseIdOf(db, chargerId, payload.connectorId), chargingProfile: await toV201Profile(db, chargerId, payload.csChargingProfiles) };
}

export async function clearProfileRequest(db: Database, chargerId: string, payload: CommandPayloads['ClearChargingProfile']): Promise<V201Requests['ClearChargingProfile']> {
  const { id, connectorId, chargingProfilePurpose, stackLevel } = payload;
  const criteria = {
    ...(connectorId === undefined ? {} : { evseId: await evseIdOf(db, chargerId, connectorId) }),
    ...(chargingProfilePurpose === undefined ? {} : { chargingProfilePurpose: PURPOSE[chargingProfilePurpose] }),
    ...(stackLevel === undefined ? {} : { stackLevel }),
  };
  return {
    ...(id === undefined ? {} : { chargingProfileId: id }),
    ...(Object.keys(criteria).length > 0 ? { chargingProfileCriteria: criteria } : {}),
  };
}

export async function compositeRequest(db: Database, chargerId: string, payload: CommandPayloads['GetCompositeSchedule']): Promise<V201Requests['GetCompositeSchedule']> {
  const { connectorId, duration, chargingRateUnit } = payload;
  return { evseId: await evseIdOf(db, chargerId, connectorId), duration, ...(chargingRateUnit ? { chargingRateUnit } : {}) };
}

// The answer as the platform reads a 1.6 one (GetCompositeSchedule.conf: connectorId, scheduleStart, and a
// chargingSchedule with its start and duration), so the charger page shows a 2.0.1 charger's schedule alike.
export function compositeAs16({ status, schedule }: GetCompositeScheduleResponse) {
  if (!schedule) return { status };
  const { evseId, scheduleStart, duration, chargingRateUnit, chargingSchedulePeriod } = schedule;
  return { status, connectorId: evseId, scheduleStart, chargingSchedule: { startSchedule: scheduleStart, duration, chargingRateUnit, chargingSchedulePeriod } };
}
