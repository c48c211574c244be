import fastJsonStringify from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';

type Serializer = (data: unknown) => string;

/** Per response schema object, its serializer: shared by every route and every app of the process. */
const compiled = new WeakMap<object, Serializer>();

/**
 * Response serializers as Fastify's default compiler builds them (fast-json-stringify, no shared
 * `$id` schemas: the app adds none), compiled once per schema object. Building one is the
 * costly part of starting the app: the same error schemas answer 4xx on every route (~700
 * compilations of a handful of objects), and every API test builds a whole app. Measured in
 * docs/ARCHITECTURE.md ("Test suite time"). A schema written inline in a route is a new object
 * per app and is simply compiled for it, as before.
 */
export function installSerialization(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => serializerFor(schema));
}

/** The serializer of a response schema, compiled on the first call for that schema object. */
export function serializerFor(schema: unknown): Serializer {
  if (typeof schema !== 'object' || schema === null) return fastJsonStringify(schema as object, { schema: {} }) as Serializer;
  let fn = compiled.get(schema);
  if (!fn) compiled.set(schema, fn = fastJsonStringify(schema, { schema: {} }) as Serializer);
  return fn;
}
