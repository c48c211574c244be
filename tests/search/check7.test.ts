import { CHECK7_KINDS, CHECK7_QUERIES, CHECK7_TIPS } from '../../scripts/search-eval/check7';
import { describeCheckSet } from '../helpers/check-set';

// Integrity of check set 7 (synonyms and paraphrases, never tuned on), not engine quality.
describeCheckSet(7, CHECK7_TIPS, CHECK7_QUERIES, CHECK7_KINDS, {
  tips: 80, nearMisses: 15, queries: 70, kinds: { synonym: 45, paraphrase: 18, none: 6 },
});
