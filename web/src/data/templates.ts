/** Tip templates offered when starting a new tip; administrators keep the list. */
import type { Template, TemplateChanges, TemplateInput as NewTemplate } from '../../../server/api-types';
import { api } from './http';

export type { Template };
/** The template form: every field of a template but its id and times. */
export type TemplateInput = Pick<Template, 'name' | 'description' | 'title' | 'body' | 'tags' | 'position'>;

export const listTemplates = () => api<{ items: Template[] }>('/api/templates');
export const createTemplate = (input: NewTemplate) => api<Template>('/api/templates', { method: 'POST', body: input });
export const updateTemplate = (id: number, input: TemplateChanges) =>
  api<Template>(`/api/templates/${id}`, { method: 'PATCH', body: input });
export const deleteTemplate = (id: number) => api<void>(`/api/templates/${id}`, { method: 'DELETE' });
