// Whether a value fits a device model variable before it is sent (OCPP 2.0.1 Part 2 §2.53 DataEnumType and the
// VariableCharacteristicsType limits): the charger would refuse it anyway, the owner is told why next to the field.

export type VariableRules = { dataType: string | null; minLimit: number | null; maxLimit: number | null; valuesList: string | null };

export type ValueProblem =
  | { problem: 'variableInteger' }
  | { problem: 'variableDecimal' }
  | { problem: 'variableBoolean' }
  | { problem: 'variableDateTime' }
  | { problem: 'variableBelowMin'; lowest: number }
  | { problem: 'variableAboveMax'; highest: number }
  | { problem: 'variableTooLong'; max: number }
  | { problem: 'variableNotInList'; list: string };

// SetVariableDataType.attributeValue holds at most 1000 characters.
export const VARIABLE_VALUE_MAX = 1000;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// RFC 3339 with a zone, as 2.0.1 dateTime values are written.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const listOf = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

function withinLimits(number: number, rules: VariableRules): ValueProblem | null {
  if (rules.minLimit !== null && number < rules.minLimit) return { problem: 'variableBelowMin', lowest: rules.minLimit };
  if (rules.maxLimit !== null && number > rules.maxLimit) return { problem: 'variableAboveMax', highest: rules.maxLimit };
  return null;
}

function listProblem(value: string, rules: VariableRules, isSingle: boolean): ValueProblem | null {
  if (!rules.valuesList) return null;
  const allowed = listOf(rules.valuesList);
  const chosen = isSingle ? [value] : listOf(value);
  return chosen.length > 0 && chosen.every((item) => allowed.includes(item)) ? null : { problem: 'variableNotInList', list: allowed.join(', ') };
}

export function valueProblem(value: string, rules: VariableRules): ValueProblem | null {
  if (value.length > VARIABLE_VALUE_MAX) return { problem: 'variableTooLong', max: VARIABLE_VALUE_MAX };
  switch (rules.dataType) {
    case 'integer':
      return INTEGER.test(value.trim()) ? withinLimits(Number(value), rules) : { problem: 'variableInteger' };
    case 'decimal':
      return DECIMAL.test(value.trim()) ? withinLimits(Number(value), rules) : { problem: 'variableDecimal' };
    case 'boolean':
      return value === 'true' || value === 'false' ? null : { problem: 'variableBoolean' };
    case 'dateTime':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? null : { problem: 'variableDateTime' };
    case 'OptionList':
      return listProblem(value, rules, true);
    case 'SequenceList':
    case 'MemberList':
      return listProblem(value, rules, false);
    default:
      // A string (or a type not reported): maxLimit is its length.
      return rules.maxLimit !== null && value.length > rules.maxLimit ? { problem: 'variableTooLong', max: rules.maxLimit } : null;
  }
}

// The charger's password and security profile (2.0.1 Appendix 3, SecurityCtrlr) are changed only by the platform's
// own flows, which let the charger in with the new one; set here, they would lock it out.
export function reservedVariable({ componentName, variableName }: { componentName: string; variableName: string }) {
  if (componentName !== 'SecurityCtrlr') return null;
  if (variableName === 'BasicAuthPassword') return 'authorizationKeyBySend' as const;
  if (variableName === 'SecurityProfile') return 'securityProfileByCard' as const;
  return null;
}
