import type { Config } from '../config';
import type { Database } from '../db/database';
import { createOutbox } from '../mail/sender';
import { createFollowStore } from '../follows/store';
import { createInvitationStore } from '../invitations/store';
import { createLikerStore } from '../likers/store';
import { createMailStore } from '../mail/store';
import { createMentionStore } from '../mentions/store';

/** The stores of the social domains (issue 20), spread into the app context by one line there. */
export function createSocialStores(db: Database, config: Config, now: () => Date) {
  const mail = createMailStore(db);
  return {
    follows: createFollowStore(db),
    mentions: createMentionStore(db),
    likers: createLikerStore(db),
    invitations: createInvitationStore(db),
    mail,
    /** Mail waiting to go out, sent by a background timer (server/mail/routes.ts). */
    outbox: createOutbox(config, mail, now),
  };
}
