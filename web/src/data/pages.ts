/** Whole pages in one request each (GET /api/pages/...): what the tip page and the home page show. */
import type { HomePage, TipPage } from '../../../server/api-types';
import { api } from './http';

export type { HomePage, TipPage };

export const getTipPage = (id: number) => api<TipPage>(`/api/pages/tips/${id}`);
export const getHomePage = () => api<HomePage>('/api/pages/home');
