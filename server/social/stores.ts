import type { Database } from '../db/database';
import { createFollowStore } from '../follows/store';

/** The stores of the social domains (issue 20), spread into the app context by one line there. */
export function createSocialStores(db: Database) {
  return {
    follows: createFollowStore(db),
  };
}
