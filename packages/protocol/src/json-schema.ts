/**
 * A structural check of the JSON schemas `response_format` carries: the subset a grammar can follow (types,
 * properties, required, additionalProperties, items, prefixItems, enum, const, anyOf/oneOf, $ref into $defs, and
 * string/array bounds). A schema outside it is refused rather than silently loosened, and so is a number that is not
 * finite anywhere in it (JSON's 1e999 parses to Infinity, which neither canonical JSON nor a grammar can write). Pure.
 */

const jsonTypes = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const annotations = new Set(['title', 'description', '$schema', '$id', 'default', 'examples', 'format', 'strict']);
const known = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  '$ref',
  '$defs',
  'definitions',
]);
/** Keywords whose values are schemas, checked as schemas; every other keyword's value is checked as plain JSON. */
const subschemaKeys = new Set([
  'properties',
  'additionalProperties',
  'items',
  'prefixItems',
  'anyOf',
  'oneOf',
  '$defs',
  'definitions',
]);

/** The path of the first number in a JSON value that is not finite (NaN, ±Infinity); undefined when there is none. */
export function nonFiniteNumberPath(value: unknown, path: string): string | undefined {
  const stack: [unknown, string][] = [[value, path]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return at;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${at}.${i}`]);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, sub] of Object.entries(item).reverse()) stack.push([sub, `${at}.${key}`]);
    }
  }
  return undefined;
}

/** The first problem found in a JSON schema, as `path: message`; undefined when it is within the subset. */
export function jsonSchemaProblem(schema: unknown, path = 'schema'): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return `${path}: a schema is an object`;
  const s = schema as Record<string, unknown>;
  for (const [key, value] of Object.entries(s)) {
    if (!known.has(key) && !annotations.has(key)) return `${path}.${key}: unsupported keyword`;
    const nonFinite = subschemaKeys.has(key) ? undefined : nonFiniteNumberPath(value, `${path}.${key}`);
    if (nonFinite) return `${nonFinite}: expected a finite number (one as large as 1e999 reads as Infinity)`;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.length === 0 || types.some((t) => typeof t !== 'string' || !jsonTypes.has(t)))
      return `${path}.type: expected one of ${[...jsonTypes].join(', ')}`;
  }
  if (s.properties !== undefined) {
    if (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties))
      return `${path}.properties: expected an object`;
    for (const [name, sub] of Object.entries(s.properties)) {
      const problem = jsonSchemaProblem(sub, `${path}.properties.${name}`);
      if (problem) return problem;
    }
  }
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.some((r) => typeof r !== 'string')))
    return `${path}.required: expected an array of property names`;
  for (const key of ['additionalProperties', 'items'] as const) {
    if (s[key] !== undefined) {
      const problem = jsonSchemaProblem(s[key], `${path}.${key}`);
      if (problem) return problem;
    }
  }
  for (const key of ['prefixItems', 'anyOf', 'oneOf'] as const) {
    const list = s[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) return `${path}.${key}: expected a non-empty array of schemas`;
    for (const [i, sub] of list.entries()) {
      const problem = jsonSchemaProblem(sub, `${path}.${key}.${i}`);
      if (problem) return problem;
    }
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = s[key];
    if (defs === undefined) continue;
    if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) return `${path}.${key}: expected an object`;
    for (const [name, sub] of Object.entries(defs)) {
      const problem = jsonSchemaProblem(sub, `${path}.${key}.${name}`);
      if (problem) return problem;
    }
  }
  for (const key of ['minItems', 'maxItems', 'minLength', 'maxLength'] as const) {
    const n = s[key];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0))
      return `${path}.${key}: expected a non-negative integer`;
  }
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) return `${path}.enum: expected a non-empty array`;
  if (s.$ref !== undefined && (typeof s.$ref !== 'string' || !/^#\/(\$defs|definitions)\//.test(s.$ref)))
    return `${path}.$ref: only references into #/$defs/ or #/definitions/ are supported`;
  return undefined;
}
