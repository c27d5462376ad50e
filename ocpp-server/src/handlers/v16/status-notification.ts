import { recordConnectorStatus } from '../../store/connectors';
import type { V16Handler } from './types';

export const statusNotification: V16Handler<'StatusNotification'> = async ({ charger, db }, request) => {
  await recordConnectorStatus(db, charger, {
    connectorId: request.connectorId,
    status: request.status,
    errorCode: request.errorCode,
    info: request.info ?? null,
    vendorId: request.vendorId ?? null,
    vendorErrorCode: request.vendorErrorCode ?? null,
    statusAt: request.timestamp ? new Date(request.timestamp) : null,
  });
  return {};
};
