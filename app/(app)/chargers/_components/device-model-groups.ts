import { reservedVariable } from '@/domain/chargers/device-variable-value';
import type { ShownDeviceVariable } from '@/domain/data/device-model';

export type ComponentGroup = { key: string; name: string; instance: string; evseId: number; connectorId: number; variables: ShownDeviceVariable[] };

// Changeable here: not read-only, and not the password or security profile, which have flows of their own.
export const isWritable = (variable: ShownDeviceVariable) => variable.mutability !== 'ReadOnly' && reservedVariable(variable) === null;

// What a search matches: the component's and the variable's names and instances, and the value shown.
function matches(variable: ShownDeviceVariable, words: string[]) {
  const text = [variable.componentName, variable.componentInstance, variable.variableName, variable.variableInstance, variable.value ?? ''].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

// The variables that pass the search and the "changeable only" filter, component by component in the list's order.
export function groupVariables(variables: ShownDeviceVariable[], { query, isWritableOnly }: { query: string; isWritableOnly: boolean }): ComponentGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, ComponentGroup>();
  for (const variable of variables) {
    if ((isWritableOnly && !isWritable(variable)) || !matches(variable, words)) continue;
    const key = [variable.componentName, variable.componentInstance, variable.evseId, variable.connectorId].join('\u0000');
    const group = groups.get(key) ?? { key, name: variable.componentName, instance: variable.componentInstance, evseId: variable.evseId, connectorId: variable.connectorId, variables: [] };
    group.variables.push(variable);
    groups.set(key, group);
  }
  return [...groups.values()];
}
