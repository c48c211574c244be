import Ajv, { type Options } from 'ajv';
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
    (httpPart === 'body' ? strict : coercing).compile(schema));
}
