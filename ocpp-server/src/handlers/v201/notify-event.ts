import { parseChargerTime } from '../../ocpp/charger-time';
import type { EventDataType } from '../../ocpp/v201';
import { connectorOfEvse } from './evse';
import type { V201Handler } from './types';

// 1.6 StatusNotification.info holds at most 50 characters; the connector keeps the same.
const INFO_MAX = 50;

// A device model's Problem variable turned true (2.0.1 Appendix 3 "Problem"): a fault, with the charger's own codes.
function isProblemRaised(event: EventDataType) {
  return event.variable.name === 'Problem' && event.actualValue.toLowerCase() === 'true' && event.cleared !== true;
}

// Onto the fault model the platform keeps (a Faulted connector with an error code and the vendor's detail, which
// notifies the owner); the charger still reports the connector's return to service in its StatusNotification.
export const notifyEvent: V201Handler<'NotifyEvent'> = async (ctx, request) => {
  const { charger, store } = ctx;
  for (const event of request.eventData.filter(isProblemRaised)) {
    const evse = event.component.evse;
    await store.recordConnectorStatus({
      ...charger,
      connectorId: evse ? await connectorOfEvse(ctx, { evseId: evse.id, connectorId: evse.connectorId }) : 0,
      status: 'Faulted',
      errorCode: 'OtherError',
      info: (event.techInfo ?? event.component.name).slice(0, INFO_MAX),
      vendorId: null,
      vendorErrorCode: event.techCode?.slice(0, INFO_MAX) ?? null,
      statusAt: parseChargerTime(event.timestamp),
    });
  }
  return {};
};
