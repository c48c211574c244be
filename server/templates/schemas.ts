import { Type, type Static } from '@sinclair/typebox';

const fields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 300 }),
  title: Type.String({ maxLength: 200, description: 'the new tip\'s title to start from (may be empty)' }),
  body: Type.String({ maxLength: 20_000 }),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 }),
  position: Type.Integer({ minimum: 0, maximum: 10_000, description: 'order in the picker, smallest first' }),
};

export const Template = Type.Object({
  id: Type.Integer(), ...fields, createdAt: Type.String({ format: 'date-time' }), updatedAt: Type.String({ format: 'date-time' }),
});

export const CreateTemplateBody = Type.Object({
  name: fields.name, body: fields.body, description: Type.Optional(fields.description), title: Type.Optional(fields.title),
  tags: Type.Optional(fields.tags), position: Type.Optional(fields.position),
}, { additionalProperties: false });

export const UpdateTemplateBody = Type.Object({
  name: Type.Optional(fields.name), body: Type.Optional(fields.body), description: Type.Optional(fields.description),
  title: Type.Optional(fields.title), tags: Type.Optional(fields.tags), position: Type.Optional(fields.position),
}, { additionalProperties: false, minProperties: 1 });

export type TemplateT = Static<typeof Template>;
export type CreateTemplateInput = Static<typeof CreateTemplateBody>;
export type UpdateTemplateInput = Static<typeof UpdateTemplateBody>;
