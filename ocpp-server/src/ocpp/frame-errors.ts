// OCPP-J 1.6 §4.2.3 (Table 7) lists the only codes a 1.6 CALLERROR may carry; ocpp-rpc speaks OCPP 2.0.1 in a
// few places. Its 'badMessage' and 'response' events hand over the CALLERROR array before it is serialised, so
// the code is corrected in place there. Whatever is still not a 1.6 code becomes GenericError.
const OCPP16_CODES = new Set([
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  // The 1.6 table spells it "Occurence"; the 1.6 errata and ocpp-rpc use the corrected spelling.
  'OccurrenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
]);

type CodeMap = Record<string, string>;

// A frame that is not JSON, not an array, or has no numeric message type, string message id or string action does
// not "conform the PDU structure" (FormationViolation); neither does a message type other than 2, 3 or 4.
const UNPARSED_FRAME: CodeMap = { RpcFrameworkError: 'FormationViolation', MessageTypeNotSupported: 'FormationViolation' };
// Once a CALL has parsed, ocpp-rpc's only framework error is a message id that is already being processed: a
// message id must be unique among the sender's CALLs on the connection (OCPP-J 1.6 §4.1.3), a protocol violation.
const PARSED_CALL: CodeMap = { RpcFrameworkError: 'ProtocolError', FormatViolation: 'FormationViolation' };

function correct(frame: unknown, map: CodeMap) {
  if (!Array.isArray(frame) || frame[0] !== 4) return;
  const code = String(frame[2]);
  frame[2] = map[code] ?? (OCPP16_CODES.has(code) ? code : 'GenericError');
}

export function applyOcpp16ErrorCode(response: unknown) {
  correct(response, UNPARSED_FRAME);
}

export function applyOcpp16CallErrorCode(response: unknown) {
  correct(response, PARSED_CALL);
}

type ValidationError = { rpcErrorCode?: string; details?: { errors?: { keyword?: string }[]; data?: unknown } };

// A value outside an enumeration is "syntactically correct but at least one field contains an invalid
// value" (OCPP-J 1.6 §4.2.3 PropertyConstraintViolation); ocpp-rpc files it under FormatViolation. The
// 'strictValidationFailure' event sees the error before it is answered, so it is corrected in place.
export function applyOcpp16ValidationCode(error: unknown) {
  const failure = error as ValidationError;
  if (failure?.details?.errors?.[0]?.keyword === 'enum') failure.rpcErrorCode = 'PropertyConstraintViolation';
}

// ocpp-rpc echoes the refused payload in the CALLERROR's details: up to a whole frame of the charger's own data
// sent back, and one nested deeply enough cannot be serialised at all (the socket was then closed instead of
// answered). The errors list says what was wrong.
export function dropEchoedPayload(error: unknown) {
  const failure = error as ValidationError;
  if (failure?.details) delete failure.details.data;
}
