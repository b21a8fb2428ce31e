import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** Every permission Haven uses, and why: the invite link asks for exactly these. */
export const requiredPermissions = {
  ViewChannel: 'see the channels it serves',
  SendMessages: 'post check-ins, panels and moderator cards',
  SendMessagesInThreads: 'post in check-in, case and reply threads',
  CreatePublicThreads: 'open a thread for each check-in session',
  CreatePrivateThreads: 'open private /help-me threads with moderators',
  ManageThreads: 'archive finished check-in threads',
  EmbedLinks: 'show resources and case cards as embeds',
  ReadMessageHistory: 'find its own earlier posts after a restart',
  ManageRoles: 'give and take condition roles, and set channel access for discreet conditions',
  ManageChannels: 'create private condition channels',
  ManageWebhooks: 'post anonymous messages under a pseudonym',
  ManageEvents: 'mirror check-ins as Discord events',
  ManageMessages: 'remove a reported or anonymous message when a moderator asks',
  MentionEveryone: 'ping the moderator role for urgent cases even if the role is not mentionable',
} as const satisfies Partial<Record<keyof typeof PermissionFlagsBits, string>>;

export const requiredPermissionBits: bigint = new PermissionsBitField(
  Object.keys(requiredPermissions).map((name) => PermissionFlagsBits[name as keyof typeof requiredPermissions]),
).bitfield;

export function inviteUrl(applicationId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '));
  url.searchParams.set('permissions', requiredPermissionBits.toString());
  return url.toString();
}
