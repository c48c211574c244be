/** Tip templates offered when starting a new tip; administrators keep the list. */
import { api } from './http';

export interface Template {
  id: number;
  name: string;
  description: string;
  title: string;
  body: string;
  tags: string[];
  position: number;
  createdAt: string;
  updatedAt: string;
}

export type TemplateInput = Pick<Template, 'name' | 'description' | 'title' | 'body' | 'tags' | 'position'>;

export const listTemplates = () => api<{ items: Template[] }>('/api/templates');

export const createTemplate = (input: TemplateInput) => api<Template>('/api/templates', { method: 'POST', body: input });

export const updateTemplate = (id: number, input: Partial<TemplateInput>) =>
  api<Template>(`/api/templates/${id}`, { method: 'PATCH', body: input });

export const deleteTemplate = (id: number) => api<void>(`/api/templates/${id}`, { method: 'DELETE' });
