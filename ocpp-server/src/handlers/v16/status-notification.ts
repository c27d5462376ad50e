import type { V16Handler } from './types';
import { parseChargerTime } from '../../ocpp/charger-time';

export const statusNotification: V16Handler<'StatusNotification'> = async ({ charger, store }, request) => {
  await store.recordConnectorStatus({
    ...charger,
    connectorId: request.connectorId,
    status: request.status,
    errorCode: request.errorCode,
    info: request.info ?? null,
    vendorId: request.vendorId ?? null,
    vendorErrorCode: request.vendorErrorCode ?? null,
    statusAt: request.timestamp ? parseChargerTime(request.timestamp) : null,
  });
  return {};
};
