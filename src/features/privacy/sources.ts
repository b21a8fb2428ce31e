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
    // No summary: on a report it holds the reporter's own words, which could identify them.
    exportColumns: ['number', 'kind', 'state', 'excerpt', 'created_at'],
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
  {
    table: 'member_prefs',
    description: 'Your choices: the country for crisis resources, and whether you turned off automated crisis messages.',
    guildColumn: 'guild_id',
    memberColumn: 'member_id',
    stored: 'id',
    erase: 'delete',
    exportColumns: ['country', 'crisis_opt_out', 'updated_at'],
  },
  {
    table: 'crisis_flags',
    description: 'When the crisis detector noticed one of your messages (no text is kept), and how Haven reached you.',
    guildColumn: 'guild_id',
    memberColumn: 'member_id',
    stored: 'id',
    erase: 'delete',
    exportColumns: ['level', 'member_reply', 'not_about_me', 'created_at'],
  },
  {
    table: 'checkin_moods',
    description: 'Your answers to "how are you this week?" in check-ins (others only ever see counts).',
    guildColumn: 'guild_id',
    memberColumn: 'member_id',
    stored: 'id',
    erase: 'delete',
    exportColumns: ['occurrence_id', 'mood', 'answered_at'],
  },
  {
    table: 'checkin_subscriptions',
    description: 'Which check-ins you asked to be reminded about.',
    guildColumn: 'guild_id',
    memberColumn: 'member_id',
    stored: 'id',
    erase: 'delete',
    exportColumns: ['schedule_id', 'created_at'],
  },
  {
    table: 'anon_posts',
    description: 'The link between you and your anonymous posts (kept encrypted). Erasing removes the link: the posts stay, and nobody can trace them to you any more.',
    guildColumn: 'guild_id',
    memberColumn: 'author_key',
    stored: 'author-hash',
    erase: { nullify: ['author_seal', 'author_key', 'pending_content'] },
    exportColumns: ['channel_id', 'thread_id', 'message_id', 'pseudonym', 'status', 'created_at'],
  },
  {
    table: 'help_relays',
    description: 'The (encrypted) link that lets moderators reply to an anonymous help request you made.',
    guildColumn: 'guild_id',
    memberColumn: 'member_key',
    stored: 'author-hash',
    erase: { nullify: ['member_seal', 'member_key'] },
    exportColumns: ['case_id'],
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
  'checkin_schedules.created_by': 'the admin or moderator who scheduled a check-in',
  'anon_blocks.created_by': 'the moderator who blocked an anonymous author',
  'anon_blocks.author_key': 'a moderation block on anonymous posting, kept so that deleting data cannot lift it; it is a keyed hash nobody can trace back to the member, and it expires when the block does',
  'local_services.added_by': 'the admin who added a local crisis service',
  'cases.claimed_by': 'the moderator who handled a case, kept for accountability',
  'cases.resolved_by': 'the moderator who resolved a case, kept for accountability',
  'case_events.actor_id': 'the moderator who acted on a case (the audit trail of the case)',
};
