import { createRPCError, RPCError, TimeoutError } from '../../ocpp/rpc';
import { callV201, type NetworkConnectionProfileType } from '../../ocpp/v201';

type Caller = Parameters<typeof callV201>[0];
// Read as 1.6's ChangeConfiguration.conf of the SecurityProfile key (raise-security-profile.ts).
type Answer = { status: 'Accepted' | 'Rejected' | 'RebootRequired' };
type Options = { callTimeoutMs: number; publicUrl: string };

const PRIORITY = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } };
const MESSAGE_TIMEOUT = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } };
const DEFAULT_MESSAGE_TIMEOUT_SEC = 30;

// The slots of a SequenceList such as "0,1"; null when the list is missing, empty or holds anything but slot numbers.
function slotsOf(value: string | undefined) {
  const slots = (value ?? '').split(',').map((slot) => slot.trim());
  return slots.every((slot) => /^\d+$/.test(slot)) ? slots.map(Number) : null;
}

// What the station tries now, in order (a SequenceList of slots; null when it does not say), and how long it waits for
// the platform's answers.
async function currentNetwork(client: Caller, options: Options) {
  const { getVariableResult } = await callV201(client, 'GetVariables', { getVariableData: [PRIORITY, MESSAGE_TIMEOUT] }, options);
  const valueOf = (name: string) => getVariableResult.find((entry) => entry.variable.name === name && entry.attributeStatus === 'Accepted')?.attributeValue;
  const priority = slotsOf(valueOf('NetworkConfigurationPriority'));
  const messageTimeout = Number(valueOf('MessageTimeout'));
  return { priority, messageTimeout: Number.isInteger(messageTimeout) && messageTimeout > 0 ? messageTimeout : DEFAULT_MESSAGE_TIMEOUT_SEC };
}

// The lowest slot from 1 the station does not try now: a slot it falls back to is never overwritten.
function freeSlot(priority: number[]) {
  let slot = 1;
  while (priority.includes(slot)) slot++;
  return slot;
}

// 2.0.1 A05 (Upgrade Charging Station Security Profile): a new network profile naming the higher profile and the
// platform's wss:// address, that slot first in OCPPCommCtrlr.NetworkConfigurationPriority, then a Reset OnIdle (no
// session is cut short) after which the station connects under it. 2.0.1 gives no way to read the interface a slot
// uses, so the new one names the first wired one. Without the station's priority no slot is known to be free (slot 1
// is often the one it works through), and a station whose new profile failed would have nothing to fall back to: the
// raise is refused before anything is written.
export async function sendNetworkProfile(client: Caller, securityProfile: 2 | 3, options: Options): Promise<Answer> {
  if (!options.publicUrl.startsWith('wss://')) throw createRPCError('GenericError', 'OCPP_PUBLIC_URL is not a wss:// address the charger could move to');
  const { priority, messageTimeout } = await currentNetwork(client, options);
  if (!priority) throw createRPCError('GenericError', 'The charger did not tell its OCPPCommCtrlr.NetworkConfigurationPriority, so no slot is known to be free');
  const configurationSlot = freeSlot(priority);
  const connectionData: NetworkConnectionProfileType = {
    ocppVersion: 'OCPP20',
    ocppTransport: 'JSON',
    ocppCsmsUrl: `${options.publicUrl}/ocpp`,
    messageTimeout,
    securityProfile,
    ocppInterface: 'Wired0',
  };
  const slot = await callV201(client, 'SetNetworkProfile', { configurationSlot, connectionData }, options);
  if (slot.status !== 'Accepted') return { status: 'Rejected' };
  const setVariableData = [{ ...PRIORITY, attributeValue: [configurationSlot, ...priority].join(',') }];
  const { setVariableResult } = await callV201(client, 'SetVariables', { setVariableData }, options);
  const set = setVariableResult.find((entry) => entry.component.name === PRIORITY.component.name && entry.variable.name === PRIORITY.variable.name);
  if (set?.attributeStatus !== 'Accepted' && set?.attributeStatus !== 'RebootRequired') return { status: 'Rejected' };
  return restart(client, options);
}

// The station holds the new priority: refusing to restart now (or not knowing Reset), it takes the profile at its next
// restart, as a 1.6 charger that answers RebootRequired. Unanswered, it may be restarting already.
async function restart(client: Caller, options: Options): Promise<Answer> {
  try {
    const reset = await callV201(client, 'Reset', { type: 'OnIdle' }, options);
    return { status: reset.status === 'Rejected' ? 'RebootRequired' : 'Accepted' };
  } catch (error) {
    if (error instanceof RPCError && !(error instanceof TimeoutError)) return { status: 'RebootRequired' };
    throw error;
  }
}
