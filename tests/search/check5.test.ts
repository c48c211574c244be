import { CHECK5_KINDS, CHECK5_QUERIES, CHECK5_TIPS } from '../../scripts/search-eval/check5';
import { describeCheckSet } from '../helpers/check-set';

// Integrity of check set 5 (synonyms and paraphrases, never tuned on), not engine quality.
describeCheckSet(5, CHECK5_TIPS, CHECK5_QUERIES, CHECK5_KINDS, { tips: 60, nearMisses: 12, queries: 50 });
