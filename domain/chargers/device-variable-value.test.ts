import { describe, expect, it } from 'vitest';
import { reservedVariable, valueProblem, type VariableRules } from './device-variable-value';

const rules = (overrides: Partial<VariableRules>): VariableRules => ({ dataType: 'string', minLimit: null, maxLimit: null, valuesList: null, ...overrides });

describe('a device model value checked against its variable', () => {
  it('takes a whole number within the limits and refuses text, fractions and numbers outside them', () => {
    const interval = rules({ dataType: 'integer', minLimit: 1, maxLimit: 86400 });
    expect(valueProblem('300', interval)).toBeNull();
    expect(valueProblem('ten', interval)).toEqual({ problem: 'variableInteger' });
    expect(valueProblem('2.5', interval)).toEqual({ problem: 'variableInteger' });
    expect(valueProblem('0', interval)).toEqual({ problem: 'variableBelowMin', lowest: 1 });
    expect(valueProblem('90000', interval)).toEqual({ problem: 'variableAboveMax', highest: 86400 });
  });

  it('takes decimals, true or false, and a dateTime with its zone', () => {
    expect(valueProblem('11.5', rules({ dataType: 'decimal' }))).toBeNull();
    expect(valueProblem('11,5', rules({ dataType: 'decimal' }))).toEqual({ problem: 'variableDecimal' });
    expect(valueProblem('true', rules({ dataType: 'boolean' }))).toBeNull();
    expect(valueProblem('yes', rules({ dataType: 'boolean' }))).toEqual({ problem: 'variableBoolean' });
    expect(valueProblem('2026-12-03T14:00:00Z', rules({ dataType: 'dateTime' }))).toBeNull();
    expect(valueProblem('2026-12-03 14:00', rules({ dataType: 'dateTime' }))).toEqual({ problem: 'variableDateTime' });
  });

  it('takes one option of an OptionList and any members of a MemberList, nothing outside them', () => {
    const option = rules({ dataType: 'OptionList', valuesList: 'Normal,Eco' });
    expect(valueProblem('Eco', option)).toBeNull();
    expect(valueProblem('Turbo', option)).toEqual({ problem: 'variableNotInList', list: 'Normal, Eco' });
    const members = rules({ dataType: 'MemberList', valuesList: 'Energy.Active.Import.Register,Power.Active.Import,SoC' });
    expect(valueProblem('Energy.Active.Import.Register,SoC', members)).toBeNull();
    expect(valueProblem('Energy.Active.Import.Register,Voltage', members)).toMatchObject({ problem: 'variableNotInList' });
  });

  it('holds a string to its maximum length', () => {
    expect(valueProblem('abcd', rules({ maxLimit: 3 }))).toEqual({ problem: 'variableTooLong', max: 3 });
    expect(valueProblem('abc', rules({ maxLimit: 3 }))).toBeNull();
  });
});

describe('the variables the device model leaves to their own flows', () => {
  it('names the password and the security profile, and nothing else', () => {
    expect(reservedVariable({ componentName: 'SecurityCtrlr', variableName: 'BasicAuthPassword' })).toBe('authorizationKeyBySend');
    expect(reservedVariable({ componentName: 'SecurityCtrlr', variableName: 'SecurityProfile' })).toBe('securityProfileByCard');
    expect(reservedVariable({ componentName: 'SecurityCtrlr', variableName: 'OrganizationName' })).toBeNull();
    expect(reservedVariable({ componentName: 'OCPPCommCtrlr', variableName: 'HeartbeatInterval' })).toBeNull();
  });
});
