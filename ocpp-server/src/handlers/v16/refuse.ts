import { createRPCError } from '../../ocpp/rpc';

// A field the 1.6 schema admits holding a value this platform cannot store: "a field contains an invalid value"
// (OCPP-J 1.6 §4.2.3 PropertyConstraintViolation), that charger's error rather than an InternalError it would resend.
export function refuseUnless(isValid: boolean, message: string) {
  if (!isValid) throw createRPCError('PropertyConstraintViolation', message);
}
