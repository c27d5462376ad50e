import { recordDataTransfer } from '../../../../domain/data/charger-traffic/data-transfers';
import type { V201Handler } from './types';

// As in 1.6, no vendor extension is implemented, so every vendorId is unknown. 2.0.1's data is any JSON value.
export const dataTransfer: V201Handler<'DataTransfer'> = async ({ charger, db }, request) => {
  const status = 'UnknownVendorId';
  await recordDataTransfer(db, charger, {
    vendorId: request.vendorId,
    messageId: request.messageId ?? null,
    data: request.data === undefined ? null : typeof request.data === 'string' ? request.data : JSON.stringify(request.data),
    status,
  });
  return { status };
};
