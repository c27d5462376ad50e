import type { CardAuthorization } from '../../../../domain/charging/authorize-card';
import type { IdTagInfo } from '../../ocpp/v16';

export function toIdTagInfo({ status, expiresAt, parentIdTag }: CardAuthorization): IdTagInfo {
  return { status, ...(expiresAt ? { expiryDate: expiresAt.toISOString() } : {}), ...(parentIdTag ? { parentIdTag } : {}) };
}
