import type { TSchema } from '@sinclair/typebox';

/**
 * A plausible value for a route's schema (the walks under tests/security and tests/http make valid
 * requests from it, then spoil one field): a default, a constant or the first choice when there is
 * one, else the least value of its type. `items`: how many items an array without minItems gets.
 */
export function sampleOf(schema: TSchema, items = 0): unknown {
  const s = schema as { const?: unknown; anyOf?: TSchema[]; enum?: unknown[]; type?: string; properties?: Record<string, TSchema>;
    required?: string[]; items?: TSchema; minimum?: number; default?: unknown; minItems?: number; format?: string };
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sampleOf(s.anyOf[0], items);
  switch (s.type) {
    case 'string': return s.format === 'email' ? 'a@example.jp' : s.format === 'date' ? '2026-01-01' : 'xyz';
    case 'integer': case 'number': return Math.max(1, s.minimum ?? 1);
    case 'boolean': return false;
    case 'array': return s.items ? Array.from({ length: s.minItems ?? items }, () => sampleOf(s.items!, items)) : [];
    case 'object': return Object.fromEntries(Object.entries(s.properties ?? {})
      .filter(([k]) => s.required?.includes(k)).map(([k, v]) => [k, sampleOf(v, items)]));
    default: return null;
  }
}
