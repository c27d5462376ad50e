import type { CardAuthorization } from '../../../../domain/charging/authorize-card';
import type { IdTagInfo } from '../../ocpp/v16';

export function toIdTagInfo({ status, expiresAt }: CardAuthorization): IdTagInfo {
  return expiresAt ? { status, expiryDate: expiresAt.toISOString() } : { status };
}
