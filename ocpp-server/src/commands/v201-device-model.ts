import type { Database } from '../../../db/client';
import type { CommandPayloads, DeviceVariableRef } from '../../../domain/commands/actions';
import { recordSetResults } from '../../../domain/data/charger-traffic/device-model';
import { attributeKey, componentOf, variableOf } from '../handlers/v201/device-attributes';
import type { AttributeEnumType, SetVariablesResponse } from '../ocpp/v201';
import type { V201Request } from './v201-requests';

type Command = { id: string; chargerId: string; accountId: string; action: string; payload: unknown };

const attributeTypeOf = (type: string) => type as AttributeEnumType;

// The device model commands as 2.0.1 requests (§B07 GetBaseReport, §B06 GetVariables, §B05 SetVariables).
export function deviceModelRequest(command: { action: string; payload: unknown }): V201Request | null {
  switch (command.action) {
    case 'GetBaseReport': {
      const { requestId, reportBase } = command.payload as CommandPayloads['GetBaseReport'];
      return { action: 'GetBaseReport', params: { requestId, reportBase } };
    }
    case 'GetVariables': {
      const { variables } = command.payload as CommandPayloads['GetVariables'];
      const getVariableData = variables.map((ref) => ({ component: componentOf(ref), variable: variableOf(ref), attributeType: attributeTypeOf(ref.attributeType) }));
      return { action: 'GetVariables', params: { getVariableData } };
    }
    case 'SetVariables': {
      const { variables } = command.payload as CommandPayloads['SetVariables'];
      const setVariableData = variables.map((ref) => ({ component: componentOf(ref), variable: variableOf(ref), attributeType: attributeTypeOf(ref.attributeType), attributeValue: ref.value }));
      return { action: 'SetVariables', params: { setVariableData } };
    }
    default:
      return null;
  }
}

const keyText = (ref: DeviceVariableRef) =>
  [ref.componentName, ref.componentInstance, ref.evseId, ref.connectorId, ref.variableName, ref.variableInstance, ref.attributeType].join('\u0000');

// A SetVariables answer is kept beside each variable it names, with the value sent where it was Accepted; a result
// for a variable that was not asked about is ignored.
export async function recordDeviceModelAnswer(db: Database, command: Command, response: unknown) {
  if (command.action !== 'SetVariables') return;
  const { variables } = command.payload as CommandPayloads['SetVariables'];
  const sent = new Map(variables.map((ref) => [keyText(ref), ref.value]));
  const results = (response as SetVariablesResponse).setVariableResult.flatMap((result) => {
    const key = attributeKey(result.component, result.variable, result.attributeType);
    const value = sent.get(keyText(key));
    return value === undefined ? [] : [{ ...key, status: result.attributeStatus, value }];
  });
  await recordSetResults(db, { chargerId: command.chargerId, accountId: command.accountId }, results);
}
