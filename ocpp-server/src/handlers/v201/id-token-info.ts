import type { CardAuthorization } from '../../../../domain/charging/authorize-card';
import type { IdTokenInfoType } from '../../ocpp/v201';

// The platform's card statuses are 1.6's, each of which 2.0.1's AuthorizationStatusEnumType also has.
export function toIdTokenInfo({ status, expiresAt }: CardAuthorization): IdTokenInfoType {
  return { status, ...(expiresAt ? { cacheExpiryDateTime: expiresAt.toISOString() } : {}) };
}
