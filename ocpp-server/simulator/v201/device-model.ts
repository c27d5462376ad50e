import type { SimulatorChargingProfiles } from '../charging-profiles';
import type { ComponentType, DataEnumType, MutabilityEnumType, ReportDataType, VariableType } from '../../src/ocpp/v201';

// One variable attribute of the simulated station's device model (2.0.1 Part 2 Appendix: standardized components).
export type SimulatedVariable = {
  component: ComponentType;
  variable: VariableType;
  type?: 'Actual' | 'MaxSet';
  value: string;
  mutability: MutabilityEnumType;
  dataType: DataEnumType;
  unit?: string;
  minLimit?: number;
  maxLimit?: number;
  valuesList?: string;
  // A change that takes effect only after a restart: SetVariables answers RebootRequired.
  needsReboot?: boolean;
};

const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC';

const station = (name: string, instance?: string): ComponentType => ({ name, ...(instance ? { instance } : {}) });
const evse = (id: number): ComponentType => ({ name: 'EVSE', evse: { id } });

type SmartCharging = Pick<SimulatorChargingProfiles, 'isSupported' | 'maxStackLevel' | 'rateUnits'>;
const SMART_CHARGING: SmartCharging = { isSupported: true, maxStackLevel: 8, rateUnits: ['A', 'W'] };

export function simulatedDeviceModel({ evses, heartbeatIntervalSec, smartCharging = SMART_CHARGING }: { evses: number; heartbeatIntervalSec: number; smartCharging?: SmartCharging }): SimulatedVariable[] {
  return [
    { component: station('ChargingStation'), variable: { name: 'Model' }, value: 'Simulator 2.0.1', mutability: 'ReadOnly', dataType: 'string' },
    { component: station('ChargingStation'), variable: { name: 'VendorName' }, value: 'Chargewatch', mutability: 'ReadOnly', dataType: 'string' },
    { component: station('OCPPCommCtrlr'), variable: { name: 'HeartbeatInterval' }, value: String(heartbeatIntervalSec), mutability: 'ReadWrite', dataType: 'integer', unit: 's', minLimit: 1, maxLimit: 86_400 },
    { component: station('OCPPCommCtrlr'), variable: { name: 'WebSocketPingInterval' }, value: '30', mutability: 'ReadWrite', dataType: 'integer', unit: 's', minLimit: 0, maxLimit: 3_600, needsReboot: true },
    { component: station('OCPPCommCtrlr'), variable: { name: 'NetworkConfigurationPriority' }, value: '0', mutability: 'ReadWrite', dataType: 'SequenceList' },
    { component: station('OCPPCommCtrlr'), variable: { name: 'MessageTimeout', instance: 'Default' }, value: '30', mutability: 'ReadOnly', dataType: 'integer', unit: 's' },
    { component: station('SampledDataCtrlr'), variable: { name: 'Enabled' }, value: 'true', mutability: 'ReadOnly', dataType: 'boolean' },
    { component: station('SampledDataCtrlr'), variable: { name: 'TxUpdatedInterval' }, value: '60', mutability: 'ReadWrite', dataType: 'integer', unit: 's', minLimit: 0, maxLimit: 3_600 },
    { component: station('SampledDataCtrlr'), variable: { name: 'TxUpdatedMeasurands' }, value: 'Energy.Active.Import.Register,Power.Active.Import', mutability: 'ReadWrite', dataType: 'MemberList', valuesList: MEASURANDS },
    { component: station('AuthCtrlr'), variable: { name: 'Enabled' }, value: 'true', mutability: 'ReadOnly', dataType: 'boolean' },
    { component: station('AuthCtrlr'), variable: { name: 'AuthorizeRemoteStart' }, value: 'true', mutability: 'ReadWrite', dataType: 'boolean' },
    { component: station('AuthCtrlr'), variable: { name: 'LocalPreAuthorize' }, value: 'false', mutability: 'ReadWrite', dataType: 'boolean' },
    { component: station('DeviceDataCtrlr'), variable: { name: 'ItemsPerMessage', instance: 'GetReport' }, value: '4', mutability: 'ReadOnly', dataType: 'integer' },
    { component: station('SecurityCtrlr'), variable: { name: 'SecurityProfile' }, value: '1', mutability: 'ReadOnly', dataType: 'integer' },
    { component: station('SmartChargingCtrlr'), variable: { name: 'Enabled' }, value: String(smartCharging.isSupported), mutability: 'ReadOnly', dataType: 'boolean' },
    { component: station('SmartChargingCtrlr'), variable: { name: 'ProfileStackLevel' }, value: String(smartCharging.maxStackLevel), mutability: 'ReadOnly', dataType: 'integer' },
    { component: station('SmartChargingCtrlr'), variable: { name: 'RateUnit' }, value: smartCharging.rateUnits.join(','), mutability: 'ReadOnly', dataType: 'MemberList', valuesList: 'A,W' },
    ...Array.from({ length: evses }, (_, index): SimulatedVariable[] => [
      { component: evse(index + 1), variable: { name: 'AvailabilityState' }, value: 'Available', mutability: 'ReadOnly', dataType: 'OptionList', valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted' },
      { component: evse(index + 1), variable: { name: 'Power' }, type: 'MaxSet', value: '22000', mutability: 'ReadOnly', dataType: 'decimal', unit: 'W' },
    ]).flat(),
  ];
}

const sameComponent = (a: ComponentType, b: ComponentType) =>
  a.name === b.name && (a.instance ?? '') === (b.instance ?? '') && (a.evse?.id ?? 0) === (b.evse?.id ?? 0) && (a.evse?.connectorId ?? 0) === (b.evse?.connectorId ?? 0);
const sameVariable = (a: VariableType, b: VariableType) => a.name === b.name && (a.instance ?? '') === (b.instance ?? '');

export type Lookup = { found: SimulatedVariable } | { problem: 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' };

export function findVariable(model: SimulatedVariable[], component: ComponentType, variable: VariableType, attributeType = 'Actual'): Lookup {
  const ofComponent = model.filter((entry) => sameComponent(entry.component, component));
  if (ofComponent.length === 0) return { problem: 'UnknownComponent' };
  const ofVariable = ofComponent.filter((entry) => sameVariable(entry.variable, variable));
  if (ofVariable.length === 0) return { problem: 'UnknownVariable' };
  const found = ofVariable.find((entry) => (entry.type ?? 'Actual') === attributeType);
  return found ? { found } : { problem: 'NotSupportedAttributeType' };
}

export function reportDataOf(entry: SimulatedVariable): ReportDataType {
  const limits = Object.fromEntries(Object.entries({ unit: entry.unit, minLimit: entry.minLimit, maxLimit: entry.maxLimit, valuesList: entry.valuesList }).filter(([, value]) => value !== undefined));
  return {
    component: entry.component,
    variable: entry.variable,
    variableAttribute: [{ ...(entry.type ? { type: entry.type } : {}), value: entry.value, mutability: entry.mutability }],
    variableCharacteristics: { dataType: entry.dataType, supportsMonitoring: false, ...limits },
  };
}

// What a station would refuse as no value of the variable's type.
export function fitsType(entry: SimulatedVariable, value: string) {
  if (entry.dataType === 'integer') return /^-?\d+$/.test(value) && (entry.minLimit === undefined || Number(value) >= entry.minLimit) && (entry.maxLimit === undefined || Number(value) <= entry.maxLimit);
  if (entry.dataType === 'boolean') return value === 'true' || value === 'false';
  if (entry.dataType === 'MemberList') return value.split(',').every((item) => entry.valuesList?.split(',').includes(item));
  return true;
}
