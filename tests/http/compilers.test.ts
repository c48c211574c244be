import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installSerialization, serializerFor } from '../../server/http/serialization';
import { installValidation } from '../../server/http/validation';

// Compiled once per process and shared by every app (server/http/serialization.ts, validation.ts):
// each API test builds a whole app, and compiling ~120 routes' schemas again was most of it.
const Answer = Type.Object({ id: Type.Integer(), title: Type.String() });
const Body = Type.Object({ title: Type.String({ minLength: 1 }) }, { additionalProperties: false });
const Query = Type.Object({ n: Type.Integer({ minimum: 1 }) });

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => { for (const app of apps.splice(0)) await app.close(); });

async function app() {
  const a = Fastify();
  installValidation(a);
  installSerialization(a);
  a.post('/echo', { schema: { body: Body, querystring: Query, response: { 200: Answer } } },
    async (req) => ({ id: (req.query as { n: number }).n, title: (req.body as { title: string }).title, secret: 'never sent' }));
  apps.push(a);
  await a.ready();
  return a;
}

describe('schema compilers shared across apps', () => {
  it('gives the same serializer for the same schema object, and its own to another object', () => {
    expect(serializerFor(Answer)).toBe(serializerFor(Answer));
    const lookalike = Type.Object({ id: Type.Integer(), title: Type.String() });
    expect(serializerFor(lookalike)).not.toBe(serializerFor(Answer));
    expect(serializerFor(lookalike)({ id: 1, title: 'x', extra: 1 })).toBe(serializerFor(Answer)({ id: 1, title: 'x', extra: 1 }));
  });

  it('answers and validates in a second app exactly as in the first', async () => {
    for (const a of [await app(), await app()]) {
      const ok = await a.inject({ method: 'POST', url: '/echo?n=7', payload: { title: '見出し' } });
      expect(ok.statusCode).toBe(200);
      // Only the schema's properties are sent, with query text coerced to the declared integer.
      expect(ok.body).toBe('{"id":7,"title":"見出し"}');
      // Bodies are not coerced nor stripped, queries are checked: each still refused.
      expect((await a.inject({ method: 'POST', url: '/echo?n=7', payload: { title: 123 } })).statusCode).toBe(400);
      expect((await a.inject({ method: 'POST', url: '/echo?n=7', payload: { title: 'a', extra: 1 } })).statusCode).toBe(400);
      expect((await a.inject({ method: 'POST', url: '/echo?n=0', payload: { title: 'a' } })).statusCode).toBe(400);
    }
  });
});
