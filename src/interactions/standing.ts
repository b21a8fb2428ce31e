import { PermissionFlagsBits, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { MemberStanding } from '../features/permissions/access.js';

/** The member's standing, from the permissions Discord computed for this interaction. */
export function standingOf(interaction: Interaction<'cached'>): MemberStanding {
  const perms = interaction.memberPermissions;
  return {
    isAdmin: perms.has(PermissionFlagsBits.ManageGuild),
    hasModerationPermission: perms.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ModerateMembers]),
    roleIds: [...interaction.member.roles.cache.keys()],
  };
}

/** 'group sub', 'sub', or '' for a command without subcommands. */
export function subcommandPath(interaction: ChatInputCommandInteraction): string {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  return [group, sub].filter(Boolean).join(' ');
}
