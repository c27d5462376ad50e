import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, deviceVariables } from '../../db/schema';
import type { DeviceVariableRef } from '../commands/actions';

type Scope = { accountId: string; chargerId: string };

const shown = {
  id: deviceVariables.id,
  componentName: deviceVariables.componentName,
  componentInstance: deviceVariables.componentInstance,
  evseId: deviceVariables.evseId,
  connectorId: deviceVariables.connectorId,
  variableName: deviceVariables.variableName,
  variableInstance: deviceVariables.variableInstance,
  attributeType: deviceVariables.attributeType,
  value: deviceVariables.value,
  mutability: deviceVariables.mutability,
  dataType: deviceVariables.dataType,
  unit: deviceVariables.unit,
  minLimit: deviceVariables.minLimit,
  maxLimit: deviceVariables.maxLimit,
  valuesList: deviceVariables.valuesList,
  lastSetStatus: deviceVariables.lastSetStatus,
  reportedAt: deviceVariables.reportedAt,
};

export type ShownDeviceVariable = Awaited<ReturnType<typeof listDeviceVariables>>[number];

const ofAccountCharger = ({ accountId, chargerId }: Scope) =>
  and(eq(deviceVariables.chargerId, chargerId), eq(chargers.accountId, accountId), isNull(chargers.deletedAt));

// A 2.0.1 charger's device model as its last complete report left it, component by component.
export async function listDeviceVariables(db: Executor, scope: Scope) {
  return db
    .select(shown)
    .from(deviceVariables)
    .innerJoin(chargers, eq(chargers.id, deviceVariables.chargerId))
    .where(ofAccountCharger(scope))
    .orderBy(
      asc(deviceVariables.componentName),
      asc(deviceVariables.componentInstance),
      asc(deviceVariables.evseId),
      asc(deviceVariables.connectorId),
      asc(deviceVariables.variableName),
      asc(deviceVariables.variableInstance),
      asc(deviceVariables.attributeType),
    );
}

// The names that pick the attribute out in a GetVariables or SetVariables.
export function variableRefOf(variable: DeviceVariableRef): DeviceVariableRef {
  const { componentName, componentInstance, evseId, connectorId, variableName, variableInstance, attributeType } = variable;
  return { componentName, componentInstance, evseId, connectorId, variableName, variableInstance, attributeType };
}

export async function getDeviceVariable(db: Executor, scope: Scope & { variableId: string }) {
  const [row] = await db
    .select(shown)
    .from(deviceVariables)
    .innerJoin(chargers, eq(chargers.id, deviceVariables.chargerId))
    .where(and(ofAccountCharger(scope), eq(deviceVariables.id, scope.variableId)));
  return row ?? null;
}
