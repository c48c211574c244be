import { CHECK6_KINDS, CHECK6_QUERIES, CHECK6_TIPS } from '../../scripts/search-eval/check6';
import { describeCheckSet } from '../helpers/check-set';

// Integrity of check set 6 (synonyms and paraphrases, never tuned on), not engine quality.
describeCheckSet(6, CHECK6_TIPS, CHECK6_QUERIES, CHECK6_KINDS, { tips: 70, nearMisses: 14, queries: 60, kinds: { synonym: 40, paraphrase: 12, none: 5 } });
