/** User administration and the staff list (名簿) import. */
import type { AdminUser, ImportAction, ImportReport, ImportRejected, NewUser, SetupStatus, UserChanges } from '../../../server/api-types';
import { ApiError, api, type Page } from './http';

export type { AdminUser, ImportAction, ImportReport, NewUser, UserChanges };

export const listUsers = (q: string, cursor?: string | null) =>
  api<Page<AdminUser>>('/api/users', { query: { q, cursor } });
export const updateUser = (id: number, changes: UserChanges) =>
  api<AdminUser>(`/api/users/${id}`, { method: 'PATCH', body: changes });
export const resetPassword = (id: number, password: string) =>
  api<AdminUser>(`/api/users/${id}/password`, { method: 'PUT', body: { password } });
export const createUser = (input: NewUser) => api<AdminUser>('/api/users', { method: 'POST', body: input });
export const authMode = async () => (await api<SetupStatus>('/api/setup')).authMode;

const isReport = (data: unknown): data is ImportRejected & ImportReport =>
  typeof data === 'object' && data !== null && Array.isArray((data as ImportRejected).rows);

/**
 * Sends the file as Excel saved it (Shift_JIS or UTF-8); the server detects the encoding.
 * A file with bad rows answers 400 with the report, which is what the page shows.
 */
export async function importStaff(file: Blob, dryRun: boolean): Promise<ImportReport> {
  try {
    return await api<ImportReport>('/api/users/import', { method: 'POST', query: { dryRun: dryRun || undefined }, raw: { data: file, type: 'text/csv' } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && isReport(err.data)) return err.data;
    throw err;
  }
}
