/** User administration and the staff list (名簿) import. */
import { ApiError, api, type Page } from './http';
import type { Role } from './types';

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  department: string;
  role: Role;
  suspended: boolean;
  createdAt: string;
  /** KOTSU_ADMINS: an administrator because the proxy-mode setting names them; app: set in Kotsu. */
  roleSource: 'KOTSU_ADMINS' | 'app';
}

export interface UserChanges {
  role?: Role;
  suspended?: boolean;
  displayName?: string;
  department?: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  department?: string;
  role?: Role;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportReport {
  applied: boolean;
  dryRun: boolean;
  encoding: string;
  summary: { rows: number; create: number; update: number; unchanged: number; error: number };
  ignoredColumns: string[];
  rows: { line: number; username: string; action: ImportAction; changes: string[]; messages: string[] }[];
}

export const listUsers = (q: string, cursor?: string | null) =>
  api<Page<AdminUser>>('/api/users', { query: { q, cursor } });

export const updateUser = (id: number, changes: UserChanges) =>
  api<AdminUser>(`/api/users/${id}`, { method: 'PATCH', body: changes });

export const resetPassword = (id: number, password: string) =>
  api<AdminUser>(`/api/users/${id}/password`, { method: 'PUT', body: { password } });

export const createUser = (input: NewUser) => api<AdminUser>('/api/users', { method: 'POST', body: input });

export const authMode = async () => (await api<{ authMode: 'local' | 'proxy' }>('/api/setup')).authMode;

/**
 * Sends the file as Excel saved it (Shift_JIS or UTF-8); the server detects the encoding.
 * A file with bad rows answers 400 with the report, which is what the page shows.
 */
export async function importStaff(file: Blob, dryRun: boolean): Promise<ImportReport> {
  let res: Response;
  try {
    res = await fetch(`/api/users/import${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'text/csv', accept: 'application/json' }, body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const data = (await res.json().catch(() => null)) as (Partial<ImportReport> & { error?: string; message?: string }) | null;
  if (res.ok) return data as ImportReport;
  if (res.status === 400 && data?.rows) return data as ImportReport;
  throw new ApiError(res.status, data?.error ?? 'http_error', data?.message ?? `HTTP ${res.status}`);
}
