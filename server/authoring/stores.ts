import type { Database } from '../db/database';
import { createCommentStore } from '../comments/store';
import { createDraftStore } from '../drafts/store';
import { createFeedStore } from '../feeds/store';
import { createFreshnessStore } from '../freshness/store';
import { createImageStore } from '../images/store';
import { createRequestStore } from '../requests/store';
import { createRevisionStore } from '../revisions/store';
import { createTemplateStore } from '../templates/store';

/** The stores of the authoring domains, spread into the app context by one line there. */
export function createAuthoringStores(db: Database) {
  return {
    revisions: createRevisionStore(db),
    drafts: createDraftStore(db),
    images: createImageStore(db),
    freshness: createFreshnessStore(db),
    comments: createCommentStore(db),
    requests: createRequestStore(db),
    templates: createTemplateStore(db),
    feeds: createFeedStore(db),
  };
}
