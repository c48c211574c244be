import type { Database } from '../db/database';
import { createFollowStore } from '../follows/store';
import { createLikerStore } from '../likers/store';
import { createMentionStore } from '../mentions/store';

/** The stores of the social domains (issue 20), spread into the app context by one line there. */
export function createSocialStores(db: Database) {
  return {
    follows: createFollowStore(db),
    mentions: createMentionStore(db),
    likers: createLikerStore(db),
  };
}
