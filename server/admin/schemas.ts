import { Type, type Static } from '@sinclair/typebox';
import { Role } from '../users/presenter';
import { Department, DisplayName, Password } from '../users/schemas';
import { ErrorResponse } from '../http/schemas';

export const UpdateUserBody = Type.Object({
  role: Type.Optional(Role),
  suspended: Type.Optional(Type.Boolean()),
  displayName: Type.Optional(DisplayName),
  department: Type.Optional(Department),
}, { additionalProperties: false, minProperties: 1 });

export const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ default: false, description: 'check and report without changing anything' })),
}, { additionalProperties: false });

export const ImportAction = Type.Union([
  Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged'), Type.Literal('error'),
]);

export const ImportRow = Type.Object({
  line: Type.Integer({ description: 'line of the file where the row starts (the header is line 1)' }),
  username: Type.String(),
  action: ImportAction,
  changes: Type.Array(Type.String(), { description: 'fields that are set or change: displayName, department, role' }),
  messages: Type.Array(Type.String()),
});

export const ImportReport = Type.Object({
  applied: Type.Boolean(),
  dryRun: Type.Boolean(),
  encoding: Type.String(),
  summary: Type.Object({
    rows: Type.Integer(), create: Type.Integer(), update: Type.Integer(), unchanged: Type.Integer(), error: Type.Integer(),
  }),
  ignoredColumns: Type.Array(Type.String()),
  rows: Type.Array(ImportRow),
});

/**
 * A refused file: nothing was applied. With bad rows, the report says which lines and why; a
 * file that cannot be read at all (encoding, quoting, header) has only `error` and `message`.
 */
export const ImportRejected = Type.Object({
  ...ErrorResponse.properties,
  ...Type.Partial(ImportReport).properties,
});

export type UpdateUserInput = Static<typeof UpdateUserBody>;
export type ImportRowT = Static<typeof ImportRow>;
export type ImportReportT = Static<typeof ImportReport>;

export const ResetPasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
