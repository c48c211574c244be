import { presentPublicUser } from '../users/presenter';
import type { RevisionSummaryT, RevisionT } from './schemas';
import type { RevisionMetaRow, RevisionRow } from './store';

export function presentRevisionSummary(r: RevisionMetaRow): RevisionSummaryT {
  return {
    number: r.number,
    title: r.title,
    tags: JSON.parse(r.tags) as string[],
    editor: presentPublicUser({ id: r.editor_id, username: r.username, display_name: r.display_name, department: r.department }),
    createdAt: r.created_at,
    restoredFrom: r.restored_from,
  };
}

export const presentRevision = (r: RevisionRow): RevisionT => ({ ...presentRevisionSummary(r), body: r.body });
