// ocpp-rpc answers a frame it cannot parse with OCPP 2.0.1's RpcFrameworkError, a code OCPP 1.6 does not
// have (OCPP-J 1.6 §4.2.3 CallError codes); FormationViolation is the 1.6 code for a syntactically broken message.
// The 'badMessage' event hands over the CALLERROR array before it is serialised, so it is corrected in place.
export function applyOcpp16ErrorCode(response: unknown) {
  if (Array.isArray(response) && response[2] === 'RpcFrameworkError') response[2] = 'FormationViolation';
}

type ValidationError = { rpcErrorCode?: string; details?: { errors?: { keyword?: string }[] } };

// A value outside an enumeration is "syntactically correct but at least one field contains an invalid
// value" (OCPP-J 1.6 §4.2.3 PropertyConstraintViolation); ocpp-rpc files it under FormatViolation. The
// 'strictValidationFailure' event sees the error before it is answered, so it is corrected in place.
export function applyOcpp16ValidationCode(error: unknown) {
  const failure = error as ValidationError;
  if (failure?.details?.errors?.[0]?.keyword === 'enum') failure.rpcErrorCode = 'PropertyConstraintViolation';
}
