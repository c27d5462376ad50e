import { recordSecurityEvent } from '../../../../domain/data/charger-traffic/security-events';
import { parseChargerTime } from '../../ocpp/charger-time';
import type { V16Handler } from './types';

// OCPP 1.6 security whitepaper: the charger reports a security event and expects an empty answer.
export const securityEventNotification: V16Handler<'SecurityEventNotification'> = async ({ charger, db }, request) => {
  await recordSecurityEvent(db, charger, { type: request.type, occurredAt: parseChargerTime(request.timestamp), techInfo: request.techInfo ?? null });
  return {};
};
