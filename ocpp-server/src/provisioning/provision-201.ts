import { measurandAttempts, SAMPLE_INTERVAL_KEY, SAMPLED_DATA_KEY, wantedInterval, wantedMeasurands, type MeterSettings, type ProvisioningOutcome } from '../../../domain/chargers/provisioning';
import type { ProvisionedKeyResult } from '../../../domain/data/charger-traffic/provisioning';
import { readSmartChargingLimits201, SMART_CHARGING_CTRLR, SMART_CHARGING_VARIABLES, type SmartChargingLimits } from '../../../domain/smart-charging/charger-limits';
import { RPCError } from '../ocpp/rpc';
import { callV201, type SetVariableStatusEnumType } from '../ocpp/v201';

type Caller = Parameters<typeof callV201>[0];

// OCPP 2.0.1 Appendix 3, SampledDataCtrlr: the interval and measurands of the meter values sent during a transaction,
// what 1.6's MeterValueSampleInterval and MeterValuesSampledData set. They are recorded under the 1.6 names, which
// the owner's meter settings speak of.
const SAMPLED_DATA = { name: 'SampledDataCtrlr' };
const INTERVAL_VARIABLE = 'TxUpdatedInterval';
const MEASURANDS_VARIABLE = 'TxUpdatedMeasurands';

const OUTCOMES: Record<SetVariableStatusEnumType, ProvisioningOutcome> = {
  Accepted: 'Accepted',
  RebootRequired: 'RebootRequired',
  Rejected: 'Rejected',
  UnknownComponent: 'unknownKey',
  UnknownVariable: 'unknownKey',
  NotSupportedAttributeType: 'NotSupported',
};

async function setVariable(client: Caller, variable: string, value: string, callTimeoutMs: number): Promise<ProvisioningOutcome> {
  try {
    const answer = await callV201(client, 'SetVariables', { setVariableData: [{ component: SAMPLED_DATA, variable: { name: variable }, attributeValue: value }] }, { callTimeoutMs });
    const status = answer.setVariableResult[0]?.attributeStatus;
    return status ? OUTCOMES[status] : 'noAnswer';
  } catch (error) {
    return error instanceof RPCError && error.rpcErrorCode !== 'InternalError' ? 'NotSupported' : 'noAnswer';
  }
}

// The 2.0.1 counterpart of provisionCharger: set blind (the model, if reported, may be stale), then shorter
// measurand lists after a Rejected, as for 1.6. One call at a time (OCPP-J 2.0.1 §4.1.1).
export async function provisionCharger201(client: Caller, settings: MeterSettings, { callTimeoutMs }: { callTimeoutMs: number }): Promise<ProvisionedKeyResult[]> {
  const interval = String(wantedInterval(settings));
  const intervalResult = { key: SAMPLE_INTERVAL_KEY, wanted: interval, reported: null, outcome: await setVariable(client, INTERVAL_VARIABLE, interval, callTimeoutMs) };
  const attempts = measurandAttempts(wantedMeasurands(settings), null);
  let outcome: ProvisioningOutcome = 'noAnswer';
  let wanted = attempts[0]!.join(',');
  for (const list of attempts) {
    wanted = list.join(',');
    outcome = await setVariable(client, MEASURANDS_VARIABLE, wanted, callTimeoutMs);
    if (outcome !== 'Rejected') break;
  }
  const measurandResult = { key: SAMPLED_DATA_KEY, wanted: outcome === 'Rejected' ? attempts[0]!.join(',') : wanted, reported: null, outcome };
  return [intervalResult, measurandResult];
}

// SmartChargingCtrlr's Enabled, ProfileStackLevel and RateUnit in one GetVariables (B06); null when the charger does
// not answer it, so that the limits kept from an earlier run stay.
export async function readSmartCharging201(client: Caller, { callTimeoutMs }: { callTimeoutMs: number }): Promise<SmartChargingLimits | null> {
  try {
    const getVariableData = SMART_CHARGING_VARIABLES.map((name) => ({ component: { name: SMART_CHARGING_CTRLR }, variable: { name } }));
    const answer = await callV201(client, 'GetVariables', { getVariableData }, { callTimeoutMs });
    return readSmartChargingLimits201(answer.getVariableResult.map((result) => ({ variable: result.variable.name, status: result.attributeStatus, ...(result.attributeValue === undefined ? {} : { value: result.attributeValue }) })));
  } catch {
    return null;
  }
}
