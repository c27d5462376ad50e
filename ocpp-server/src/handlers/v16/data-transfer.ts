import { recordDataTransfer } from '../../../../domain/data/charger-traffic/data-transfers';
import type { V16Handler } from './types';

// No vendor extension is implemented yet, so every vendorId is unknown (§4.3 DataTransfer).
export const dataTransfer: V16Handler<'DataTransfer'> = async ({ charger, db }, request) => {
  const status = 'UnknownVendorId';
  await recordDataTransfer(db, charger, {
    vendorId: request.vendorId,
    messageId: request.messageId ?? null,
    data: request.data ?? null,
    status,
  });
  return { status };
};
