// JSON Schema (draft 4/7, the subset the OCPP schemas use) → TypeScript type expressions.
// Keywords that only constrain values (lengths, bounds, formats) are checked at runtime by ocpp-rpc's strict
// mode and have no TypeScript counterpart; any other keyword is an error, so a schema that starts using one is
// noticed instead of silently typed too loosely.

export type JsonSchema = { [keyword: string]: unknown };

const VALUE_ONLY = new Set(['$schema', '$id', 'id', 'title', 'description', 'default', 'format', 'maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'additionalItems', 'javaType', 'comment']);
const STRUCTURAL = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', '$ref', 'definitions']);

const SCALARS: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', null: 'null' };
const MAX_INLINE_UNION = 100;

export type Converter = {
  // The type of one schema node, indented for `depth` levels of nesting.
  toType(schema: JsonSchema, depth?: number): string;
};

// `refName` maps a `$ref` to the name of the type it is emitted as (the caller collects definitions).
export function createConverter({ refName }: { refName: (ref: string) => string }): Converter {
  function toType(schema: JsonSchema, depth = 0): string {
    const unknown = Object.keys(schema).filter((keyword) => !VALUE_ONLY.has(keyword) && !STRUCTURAL.has(keyword));
    if (unknown.length > 0) throw new Error(`unsupported JSON Schema keyword(s): ${unknown.join(', ')}`);
    if (typeof schema.$ref === 'string') return refName(schema.$ref);
    if (Array.isArray(schema.enum)) return literalUnion(schema.enum, depth);
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    if (Array.isArray(type)) return type.map((each) => toType({ ...schema, type: each }, depth)).join(' | ');
    if (type === 'object') return objectType(schema, depth);
    if (type === 'array') return arrayType(schema, depth);
    if (typeof type === 'string' && SCALARS[type]) return SCALARS[type];
    // No type keyword: any JSON value is valid (2.0.1 DataTransfer `data`).
    if (type === undefined && !schema.items) return 'unknown';
    throw new Error(`unsupported schema: ${JSON.stringify(schema).slice(0, 200)}`);
  }

  function arrayType(schema: JsonSchema, depth: number) {
    if (!isSchema(schema.items)) throw new Error('an array schema needs a single `items` schema');
    const item = toType(schema.items, depth);
    return /^[\w.]+$/.test(item) || item.endsWith('}') ? `${item}[]` : `(${item})[]`;
  }

  function objectType(schema: JsonSchema, depth: number) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const isClosed = schema.additionalProperties === false;
    if (isSchema(schema.additionalProperties)) throw new Error('additionalProperties as a schema is not supported');
    const names = Object.keys(properties);
    if (names.length === 0) return isClosed ? 'Record<string, never>' : 'Record<string, unknown>';
    const indent = '  '.repeat(depth + 1);
    const lines = names.map((name) => `${indent}${propertyKey(name)}${required.has(name) ? '' : '?'}:${spaced(toType(properties[name]!, depth + 1))};`);
    // An open object (no `additionalProperties: false`) accepts any other property, e.g. 2.0.1 CustomDataType.
    if (!isClosed) lines.push(`${indent}[key: string]: unknown;`);
    return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
  }

  return { toType };
}

function literalUnion(values: unknown[], depth: number) {
  const literals = values.map((value) => (typeof value === 'string' ? quote(value) : JSON.stringify(value)));
  const inline = literals.join(' | ');
  if (inline.length <= MAX_INLINE_UNION) return inline;
  const indent = '  '.repeat(depth + 1);
  return literals.map((literal) => `\n${indent}| ${literal}`).join('');
}

// ` T` after a `:` or `=`, or T alone when it starts on its own line (a long union).
export function spaced(type: string) {
  return type.startsWith('\n') ? type : ` ${type}`;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertyKey(name: string) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

export function quote(text: string) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
