import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

/**
 * One pair of validators per process, not per app: Ajv keeps each schema it compiled (by the
 * schema object), and the route schemas are module constants, so a second app in the same
 * process (every API test builds one per test) reuses the compiled functions instead of
 * compiling ~120 routes' schemas again. Nothing app-specific is added to them (no keywords, no
 * shared `$id` schemas), so what they accept is the same for every app.
 */
const strict = addFormats(new Ajv({ ...common, coerceTypes: false }));
const coercing = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

/**
 * Bodies are validated exactly as sent: `123` is not a title and an unknown property is an
 * error, never stripped. Query strings and path parameters arrive as text, so only they are
 * coerced to the declared types (and a repeated parameter to an array).
 */
export function installValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict.compile(schema) : decimalIntegers(schema, coercing.compile(schema))));
}

/**
 * A whole number in a query string or path is written in decimal digits (leading zeros allowed;
 * a `-` is let through for the schema's `minimum` to judge) and fits a double exactly. Ajv's coercion reads text
 * as `+text`, which also takes `1e3` (1000), `0x10`, `+5`, ` 5`, `5.0` and `0b1`, and rounds
 * `9007199254740993` to another id: such an id named another tip (or none, 404) instead of
 * being refused (400). Checked here, before Ajv coerces, for every integer property (and
 * array of integers) of every query and path schema, so no route's schema has to remember it.
 */
const DECIMAL = /^-?[0-9]+$/;
type Validator = ValidateFunction & { schemaEnv?: unknown };
const wrapped = new WeakMap<object, Validator>();

function integerProperties(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, { type?: unknown; items?: { type?: unknown } }> }).properties ?? {};
  return Object.entries(props)
    .filter(([, s]) => s.type === 'integer' || (s.type === 'array' && s.items?.type === 'integer'))
    .map(([name]) => name);
}

function notDecimal(data: unknown, names: string[]): ErrorObject | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const name of names) {
    const value = (data as Record<string, unknown>)[name];
    const texts = Array.isArray(value) ? value : [value];
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      if (typeof text !== 'string' || (DECIMAL.test(text) && Number.isSafeInteger(Number(text)))) continue;
      const path = Array.isArray(value) ? `/${name}/${i}` : `/${name}`;
      return { instancePath: path, schemaPath: `#/properties/${name}/type`, keyword: 'type', params: { type: 'integer' },
        message: 'must be a whole number written in decimal digits (at most 9007199254740991)' };
    }
  }
  return null;
}

function decimalIntegers(schema: object, validate: Validator): Validator {
  const names = integerProperties(schema);
  if (names.length === 0) return validate;
  let check = wrapped.get(validate);
  if (check) return check;
  const fn = ((data: unknown, ctx?: unknown) => {
    const refused = notDecimal(data, names);
    if (refused) { fn.errors = [refused]; return false; }
    const ok = (validate as (d: unknown, c?: unknown) => boolean)(data, ctx);
    fn.errors = validate.errors;
    return ok;
  }) as Validator;
  // Fastify passes the parent object to a validator with `schemaEnv` (so Ajv may replace the root).
  fn.schemaEnv = validate.schemaEnv;
  check = fn;
  wrapped.set(validate, check);
  return check;
}
