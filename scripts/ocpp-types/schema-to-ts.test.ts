import { describe, expect, it } from 'vitest';
import { createConverter } from './schema-to-ts';

const { toType } = createConverter({ refName: (ref) => ref.replace('#/definitions/', '') });

describe('toType', () => {
  it('types integers and numbers as number and date-time strings as string', () => {
    expect(toType({ type: 'integer', minimum: 0 })).toBe('number');
    expect(toType({ type: 'number', multipleOf: 0.1 })).toBe('number');
    expect(toType({ type: 'string', format: 'date-time', maxLength: 25 })).toBe('string');
  });

  it('turns an enum into a union of string literals', () => {
    expect(toType({ type: 'string', enum: ['Accepted', "it's"] })).toBe("'Accepted' | 'it\\'s'");
  });

  it('puts each member of a long union on its own line', () => {
    const values = Array.from({ length: 12 }, (_, index) => `Measurand.Number${index}`);
    expect(toType({ type: 'string', enum: values }).split('\n')).toHaveLength(13);
  });

  it('marks properties not in required as optional and keeps a closed object closed', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { idTag: { type: 'string' }, connectorId: { type: 'integer' } }, required: ['idTag'] };
    expect(toType(schema)).toBe('{\n  idTag: string;\n  connectorId?: number;\n}');
  });

  it('lets an object without additionalProperties: false carry other properties', () => {
    const schema = { type: 'object', properties: { vendorId: { type: 'string' } }, required: ['vendorId'] };
    expect(toType(schema)).toBe('{\n  vendorId: string;\n  [key: string]: unknown;\n}');
  });

  it('types an empty closed object so that nothing can be added to it', () => {
    expect(toType({ type: 'object', additionalProperties: false, properties: {} })).toBe('Record<string, never>');
    expect(toType({ type: 'object' })).toBe('Record<string, unknown>');
  });

  it('nests objects and arrays, and names referenced definitions', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        meterValue: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: false, properties: { timestamp: { type: 'string' } }, required: ['timestamp'] } },
        evse: { $ref: '#/definitions/EVSEType' },
        phases: { type: 'array', items: { type: 'string', enum: ['L1', 'L2'] } },
      },
      required: ['meterValue'],
    };
    expect(toType(schema)).toBe(
      ['{', '  meterValue: {', '    timestamp: string;', '  }[];', '  evse?: EVSEType;', "  phases?: ('L1' | 'L2')[];", '}'].join('\n'),
    );
  });

  it('types a schema without a type as any JSON value', () => {
    expect(toType({ description: 'Data without specified length or format.' })).toBe('unknown');
  });

  it('refuses keywords it cannot express instead of typing them loosely', () => {
    expect(() => toType({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(/oneOf/);
    expect(() => toType({ type: 'object', properties: {}, additionalProperties: { type: 'string' } })).toThrow(/additionalProperties/);
  });
});
