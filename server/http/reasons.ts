/**
 * Every machine-readable reason an error answer can carry (`{error, reason, message, params?}`).
 * `error` is the broad class (HTTP-like); `reason` names the exact rule, so the web app can say it
 * in the user's language (web/src/i18n/messages/errors.ts has a message for each, ja and en).
 * Stable: rename one and API clients break; add new ones freely.
 */
export const REASONS = [
  // generic
  'invalid_input', 'invalid_text', 'blank_field', 'cursor_invalid', 'json_required', 'login_required',
  'not_allowed', 'cross_site', 'not_found', 'too_large', 'rate_limited',
  'internal',
  // accounts and sessions
  'login_failed', 'login_locked', 'account_suspended', 'sso_only', 'username_taken', 'setup_done',
  'password_wrong', 'password_same', 'password_too_short', 'password_too_long',
  'password_contains_username', 'password_repeated', 'self_change_refused', 'env_admin',
  'user_not_found',
  // staff CSV import
  'csv_not_utf8', 'csv_unreadable', 'csv_empty', 'csv_missing_columns', 'csv_too_many_rows',
  'csv_body_missing', 'csv_row_errors',
  // staff CSV import: problems and notes of one row (rows[].reasons)
  'import_duplicate_row', 'display_name_empty', 'display_name_too_long', 'display_name_control_chars',
  'department_too_long', 'department_control_chars', 'import_role_unknown', 'import_password_unset',
  // images
  'image_type', 'image_too_large', 'image_not_found',
  // tips, drafts, revisions
  'tip_not_found', 'tip_not_published', 'edit_not_allowed', 'delete_not_allowed', 'publish_not_allowed',
  'not_a_draft', 'confirm_not_allowed', 'revision_not_found', 'revisions_same', 'edit_conflict', 'render_timeout',
  // tags
  'tag_length', 'tag_control_chars', 'tag_dot_segment', 'tag_limit', 'tag_not_found', 'tag_merge_self', 'tag_exists',
  // moderation
  'tip_already_hidden', 'report_exists', 'tip_not_hidden', 'report_not_found', 'report_resolved',
  // popularity, impact
  'own_tip_like', 'own_tip_adoption', 'adoption_not_found', 'adoption_figures', 'adoption_too_much',
  // templates
  'template_name_taken', 'template_not_found',
  // requests
  'request_not_found', 'requester_only', 'request_delete_not_allowed', 'own_request_vote',
  'request_solved', 'answer_not_published', 'answer_exists', 'answer_not_found', 'answer_not_allowed',
  'answer_required',
  // comments
  'comment_not_found', 'comment_needs_published', 'comment_edit_not_allowed', 'comment_delete_not_allowed',
  // DX award
  'round_not_found', 'nomination_not_found', 'award_wrong_phase', 'category_duplicate',
  'criterion_duplicate', 'judge_not_found', 'judge_duplicate', 'round_published', 'category_in_use',
  'phase_order', 'category_unknown', 'tip_already_nominated', 'withdraw_not_allowed', 'judge_only',
  'judge_own_tip', 'criterion_unknown', 'criterion_required', 'publish_needs_closed', 'winner_invalid',
  'results_hidden',
  // added at the merge with main: search, sign-in, follows, feeds, images, invitations, mail
  'search_busy', 'origin_required', 'login_changed', 'username_empty', 'username_chars', 'username_compat', 'username_dot_segment', 'admins_from_env', 'comment_parent_invalid',
  'feed_token_limit', 'feed_token_not_found', 'follow_self', 'image_quota_daily', 'image_quota_total', 'invitation_email',
  'invitation_nobody', 'invitation_has_password', 'invitation_suspended', 'invitation_invalid', 'mail_address_required', 'unsubscribe_invalid',
  // worker threads (renders, diffs) all busy: the queue is full (server/workers/pool.ts)
  'busy',
] as const;

export type Reason = (typeof REASONS)[number];
export type ReasonParams = Record<string, string | number>;
