/** Invitations for staff imported without a password (server/invitations). */
import type { Invitation, InvitationInfo, IssueInvitations } from '../../../server/api-types';
import { api } from './http';

export type { Invitation, InvitationInfo };

export const issueInvitations = (body: IssueInvitations) =>
  api<{ items: Invitation[] }>('/api/admin/invitations', { method: 'POST', body });
/** The same, answered as an Excel-safe CSV for a mail merge. */
export const issueInvitationsCsv = (body: IssueInvitations) =>
  api<Blob>('/api/admin/invitations', { method: 'POST', body, query: { format: 'csv' }, as: 'blob' });
export const lookupInvitation = (token: string) => api<InvitationInfo>('/api/invitations/lookup', { method: 'POST', body: { token } });
export const acceptInvitation = (token: string, password: string) =>
  api<{ username: string }>('/api/invitations/accept', { method: 'POST', body: { token, password } });
