import { callV201, type GetVariableResultType, type SetVariableResultType, type V201Requests, type V201Responses } from '../../src/ocpp/v201';
import { findVariable, fitsType, reportDataOf, type SimulatedVariable } from './device-model';

type Client = {
  handle(action: string, handler: (call: { params?: unknown }) => Promise<Record<string, unknown>>): void;
  call(method: string, params?: unknown, options?: Record<string, unknown>): Promise<unknown>;
};

type VariableData = V201Requests['GetVariables']['getVariableData'][number];
type SetData = V201Requests['SetVariables']['setVariableData'][number];
// live: variables kept outside the model (the local list's), answered first where it knows them. write: variables
// set outside the model (its password), answered first where it takes them.
type Options = {
  client: Client;
  model: SimulatedVariable[];
  later: (work: () => Promise<unknown>) => void;
  onSet?: (entry: SimulatedVariable) => void;
  live?: (data: VariableData) => GetVariableResultType | null;
  write?: (data: SetData) => SetVariableResultType | null;
};

// DeviceDataCtrlr.ItemsPerMessage[GetReport]: how many variables each NotifyReport part carries.
const itemsPerPart = (model: SimulatedVariable[]) => Number(findVariableValue(model, 'DeviceDataCtrlr', 'ItemsPerMessage') ?? 4);
const findVariableValue = (model: SimulatedVariable[], component: string, variable: string) => model.find((entry) => entry.component.name === component && entry.variable.name === variable)?.value;

async function sendReport(client: Client, requestId: number, entries: SimulatedVariable[], perPart: number) {
  const parts = Math.ceil(entries.length / perPart);
  const generatedAt = new Date().toISOString();
  for (let seqNo = 0; seqNo < parts; seqNo++) {
    const reportData = entries.slice(seqNo * perPart, (seqNo + 1) * perPart).map(reportDataOf);
    await callV201(client, 'NotifyReport', { requestId, generatedAt, seqNo, tbc: seqNo < parts - 1, reportData });
  }
}

function getResult(model: SimulatedVariable[], data: VariableData): GetVariableResultType {
  const lookup = findVariable(model, data.component, data.variable, data.attributeType);
  const base = { component: data.component, variable: data.variable, ...(data.attributeType ? { attributeType: data.attributeType } : {}) };
  if ('problem' in lookup) return { ...base, attributeStatus: lookup.problem };
  if (lookup.found.mutability === 'WriteOnly') return { ...base, attributeStatus: 'Rejected' };
  return { ...base, attributeStatus: 'Accepted', attributeValue: lookup.found.value };
}

function setResult(model: SimulatedVariable[], data: SetData, onSet: Options['onSet']): SetVariableResultType {
  const lookup = findVariable(model, data.component, data.variable, data.attributeType);
  const base = { component: data.component, variable: data.variable, ...(data.attributeType ? { attributeType: data.attributeType } : {}) };
  if ('problem' in lookup) return { ...base, attributeStatus: lookup.problem };
  const entry = lookup.found;
  if (entry.mutability === 'ReadOnly' || !fitsType(entry, data.attributeValue)) return { ...base, attributeStatus: 'Rejected' };
  entry.value = data.attributeValue;
  onSet?.(entry);
  return { ...base, attributeStatus: entry.needsReboot ? 'RebootRequired' : 'Accepted' };
}

// A station's answers to the device model requests (2.0.1 §B05–B07): a base report sent back in NotifyReport parts
// after the answer, variables read and set by name, a read-only one refused.
export function serveDeviceModel({ client, model, later, onSet, live, write }: Options) {
  client.handle('GetBaseReport', async ({ params }): Promise<V201Responses['GetBaseReport']> => {
    const { requestId, reportBase } = params as V201Requests['GetBaseReport'];
    if (reportBase === 'SummaryInventory') return { status: 'NotSupported' };
    const entries = reportBase === 'FullInventory' ? model : model.filter((entry) => entry.mutability !== 'ReadOnly');
    if (entries.length === 0) return { status: 'EmptyResultSet' };
    later(() => sendReport(client, requestId, entries, itemsPerPart(model)));
    return { status: 'Accepted' };
  });
  client.handle('GetVariables', async ({ params }): Promise<V201Responses['GetVariables']> => ({
    getVariableResult: (params as V201Requests['GetVariables']).getVariableData.map((data) => live?.(data) ?? getResult(model, data)),
  }));
  client.handle('SetVariables', async ({ params }): Promise<V201Responses['SetVariables']> => ({
    setVariableResult: (params as V201Requests['SetVariables']).setVariableData.map((data) => write?.(data) ?? setResult(model, data, onSet)),
  }));
}
