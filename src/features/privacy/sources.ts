/**
 * Every table that holds something about one member, and how to erase it. `/privacy` and the
 * departure sweep read this list; a test checks that every table with a member column is in it,
 * so a new feature cannot forget its data.
 */
export interface MemberDataSource {
  readonly table: string;
  /** Plain words for `/privacy show`: what this is and why Haven keeps it. */
  readonly description: string;
  readonly guildColumn: string;
  readonly memberColumn: string;
  /** 'author-hash': the column holds a keyed hash of the member id, not the id (anonymous posting). */
  readonly stored: 'id' | 'author-hash';
  /** delete the rows, or keep them with these columns set to null (e.g. anonymous posts stay, unlinked). */
  readonly erase: 'delete' | { readonly nullify: readonly string[] };
  /** Columns shown in `/privacy export`; never another member's id. */
  readonly exportColumns: readonly string[];
}

export const memberDataSources: readonly MemberDataSource[] = [
  {
    table: 'condition_memberships',
    description: 'Which condition channels you joined, and when, so Haven can give and remove your access.',
    guildColumn: 'guild_id',
    memberColumn: 'member_id',
    stored: 'id',
    erase: 'delete',
    exportColumns: ['condition_id', 'joined_at'],
  },
  {
    table: 'cases',
    description: 'Moderator cases about you (help you asked for, crisis flags, reports about your messages). Erasing unlinks them from you and removes their excerpt; moderators keep an anonymous record.',
    guildColumn: 'guild_id',
    memberColumn: 'subject_id',
    stored: 'id',
    erase: { nullify: ['subject_id', 'excerpt'] },
    exportColumns: ['number', 'kind', 'state', 'summary', 'excerpt', 'created_at'],
  },
  {
    table: 'cases',
    description: 'Reports you filed. Erasing removes your name from them.',
    guildColumn: 'guild_id',
    memberColumn: 'reporter_id',
    stored: 'id',
    erase: { nullify: ['reporter_id'] },
    exportColumns: ['number', 'kind', 'created_at'],
  },
];

/**
 * Columns that name a person but are not "data about that member" in the erasure sense, with why.
 * The coverage test accepts these.
 */
export const exemptMemberColumns: Readonly<Record<string, string>> = {
  'audit_log.actor_id': 'records actions taken by admins and moderators in that role, kept for accountability (1 year by default)',
  'guild_settings.moderator_role_id': 'a role, not a member',
  'guild_settings.senior_role_id': 'a role, not a member',
  'conditions.created_by': 'the admin who defined a condition channel, kept for accountability like the audit log',
  'conditions.role_id': 'a role, not a member',
  'cases.claimed_by': 'the moderator who handled a case, kept for accountability',
  'cases.resolved_by': 'the moderator who resolved a case, kept for accountability',
  'case_events.actor_id': 'the moderator who acted on a case (the audit trail of the case)',
};
