import { presentPublicUser } from '../users/presenter';
import type { CommentT } from './schemas';
import type { CommentRow } from './store';

export function presentComment(c: CommentRow): CommentT {
  return {
    id: c.id,
    postId: c.post_id,
    parentId: c.parent_id,
    author: presentPublicUser({ id: c.author_id, username: c.username, display_name: c.display_name, department: c.department }),
    body: c.body,
    html: c.html,
    status: c.status,
    hiddenReason: c.status === 'hidden' ? c.hidden_reason : null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    edited: c.updated_at !== c.created_at,
  };
}
