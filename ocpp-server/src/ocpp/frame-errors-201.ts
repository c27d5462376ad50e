import { applyOcpp16ValidationCode } from './frame-errors';

type ValidationError = { rpcErrorCode?: string };

// OCPP-J 2.0.1 §4.3 (Table 10) spells the missing-field code OccurrenceConstraintViolation; ocpp-rpc's validator keeps
// the 1.6 misprint "Occurence" and corrects it only on 1.6 connections. A value outside an enumeration is a field
// with an invalid value (PropertyConstraintViolation) in both versions, which the 1.6 correction already makes.
export function applyOcpp201ValidationCode(error: unknown) {
  applyOcpp16ValidationCode(error);
  const failure = error as ValidationError;
  if (failure?.rpcErrorCode === 'OccurenceConstraintViolation') failure.rpcErrorCode = 'OccurrenceConstraintViolation';
}
