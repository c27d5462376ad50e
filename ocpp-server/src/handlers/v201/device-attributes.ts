import type { DeviceAttribute, DeviceAttributeKey } from '../../../../domain/data/charger-traffic/device-model';
import { textSafe } from '../../../../domain/data/charger-traffic/recordset';
import type { ComponentType, ReportDataType, VariableType } from '../../ocpp/v201';

// 2.0.1 names an attribute by component (name, instance, EVSE, connector), variable (name, instance) and attribute
// type, Actual when left out (§2.5 VariableAttributeType); the platform keeps '' and 0 for what is left out.
export function attributeKey(component: ComponentType, variable: VariableType, attributeType: string | undefined): DeviceAttributeKey {
  return {
    componentName: textSafe(component.name),
    componentInstance: textSafe(component.instance ?? ''),
    evseId: component.evse?.id ?? 0,
    connectorId: component.evse?.connectorId ?? 0,
    variableName: textSafe(variable.name),
    variableInstance: textSafe(variable.instance ?? ''),
    attributeType: attributeType ?? 'Actual',
  };
}

// A NotifyReport entry: one variable with one or more attributes (Actual, Target, MinSet, MaxSet).
export function attributesOf(report: ReportDataType): DeviceAttribute[] {
  const traits = report.variableCharacteristics;
  return report.variableAttribute.map((attribute) => ({
    ...attributeKey(report.component, report.variable, attribute.type),
    value: attribute.value === undefined ? null : textSafe(attribute.value),
    mutability: attribute.mutability ?? 'ReadWrite',
    dataType: traits?.dataType ?? null,
    unit: traits?.unit === undefined ? null : textSafe(traits.unit),
    minLimit: traits?.minLimit ?? null,
    maxLimit: traits?.maxLimit ?? null,
    valuesList: traits?.valuesList === undefined ? null : textSafe(traits.valuesList),
  }));
}

// The reference the platform keeps, back into 2.0.1's component and variable.
export function componentOf(key: DeviceAttributeKey): ComponentType {
  const evse = key.evseId > 0 ? { evse: { id: key.evseId, ...(key.connectorId > 0 ? { connectorId: key.connectorId } : {}) } } : {};
  return { name: key.componentName, ...(key.componentInstance ? { instance: key.componentInstance } : {}), ...evse };
}

export function variableOf(key: DeviceAttributeKey): VariableType {
  return { name: key.variableName, ...(key.variableInstance ? { instance: key.variableInstance } : {}) };
}
