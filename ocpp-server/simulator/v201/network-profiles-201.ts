import type { GetVariableResultType, NetworkConnectionProfileType, SetVariableResultType, V201Requests } from '../../src/ocpp/v201';
import type { SimulatorClientCertificate } from '../client-certificate';
import type { SimulatedVariable } from './device-model';

type GetData = V201Requests['GetVariables']['getVariableData'][number];
type SetData = V201Requests['SetVariables']['setVariableData'][number];
type Slot = { url: string; securityProfile: number };

const variableOf = (model: SimulatedVariable[], component: string, variable: string) => model.find((entry) => entry.component.name === component && entry.variable.name === variable)!;
const isPriority = ({ component, variable }: { component: { name: string }; variable: { name: string } }) => component.name === 'OCPPCommCtrlr' && variable.name === 'NetworkConfigurationPriority';

// The station's network connection profiles (2.0.1 A05, B09): slot 0 is the address it was started with; the
// platform adds one with SetNetworkProfile and puts it first in OCPPCommCtrlr.NetworkConfigurationPriority, and at its
// next restart the station connects through the first slot of that list. A profile lower than the one it runs under,
// or one whose prerequisites it lacks (a wss:// address, a server CA it trusts, for 3 its own certificate), is refused.
export class SimulatorNetworkProfiles201 {
  private readonly slots = new Map<number, Slot>();
  private active = 0;

  constructor(
    url: string,
    private readonly model: SimulatedVariable[],
    private readonly clientCertificate: SimulatorClientCertificate,
    private readonly isPriorityUnreadable = false,
  ) {
    this.slots.set(0, { url, securityProfile: this.securityProfile });
  }

  // SecurityCtrlr.SecurityProfile: the profile of the slot it is connected through.
  get securityProfile() {
    return Number(variableOf(this.model, 'SecurityCtrlr', 'SecurityProfile').value);
  }

  private get priority() {
    return variableOf(this.model, 'OCPPCommCtrlr', 'NetworkConfigurationPriority')
      .value.split(',')
      .map(Number);
  }

  set(configurationSlot: number, data: NetworkConnectionProfileType): 'Accepted' | 'Rejected' {
    const isOurs = data.ocppVersion === 'OCPP20' && data.ocppTransport === 'JSON';
    if (!isOurs || configurationSlot === this.active || data.securityProfile < this.securityProfile) return 'Rejected';
    if (!this.clientCertificate.meetsProfileAt(data.securityProfile, data.ocppCsmsUrl)) return 'Rejected';
    this.slots.set(configurationSlot, { url: data.ocppCsmsUrl, securityProfile: data.securityProfile });
    return 'Accepted';
  }

  // A station that will not tell its priority refuses the read; null: read from the device model as any variable.
  readPriority(data: GetData): GetVariableResultType | null {
    if (!this.isPriorityUnreadable || !isPriority(data)) return null;
    return { component: data.component, variable: data.variable, attributeStatus: 'Rejected' };
  }

  // A list naming a slot it has no profile in is refused; null: not this variable.
  setPriority(data: SetData): SetVariableResultType | null {
    if (!isPriority(data)) return null;
    const result = { component: data.component, variable: data.variable };
    const slots = data.attributeValue.split(',').map((slot) => slot.trim());
    if (!slots.every((slot) => /^\d+$/.test(slot) && this.slots.has(Number(slot)))) return { ...result, attributeStatus: 'Rejected' };
    variableOf(this.model, 'OCPPCommCtrlr', 'NetworkConfigurationPriority').value = slots.join(',');
    return { ...result, attributeStatus: 'Accepted' };
  }

  // At a restart: the slot to connect through now, or null to stay on the one it uses.
  switchAtRestart(): Slot | null {
    const first = this.priority[0];
    const slot = first === undefined ? undefined : this.slots.get(first);
    if (first === undefined || first === this.active || !slot) return null;
    this.active = first;
    variableOf(this.model, 'SecurityCtrlr', 'SecurityProfile').value = String(slot.securityProfile);
    return slot;
  }
}
