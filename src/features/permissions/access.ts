/** Who may run a command. Checked on the server for every interaction: Discord's own command
 * permissions are only a default that each server's owner can change. */
export type Access = 'everyone' | 'moderator' | 'admin';

/** What the rules need to know about the member; built from the interaction by the router. */
export interface MemberStanding {
  /** Manage Server or Administrator in this server. */
  readonly isAdmin: boolean;
  /** Manage Messages or Moderate Members: counts as moderator only when no moderator role is set. */
  readonly hasModerationPermission: boolean;
  readonly roleIds: readonly string[];
}

export interface ModeratorRoles {
  readonly moderatorRoleId: string | null;
  readonly seniorRoleId: string | null;
}

export function isModerator(member: MemberStanding, roles: ModeratorRoles): boolean {
  if (member.isAdmin) return true;
  const configured = [roles.moderatorRoleId, roles.seniorRoleId].filter((r): r is string => r !== null);
  if (configured.length === 0) return member.hasModerationPermission;
  return configured.some((r) => member.roleIds.includes(r));
}

export function mayUse(access: Access, member: MemberStanding, roles: ModeratorRoles): boolean {
  switch (access) {
    case 'everyone':
      return true;
    case 'moderator':
      return isModerator(member, roles);
    case 'admin':
      return member.isAdmin;
  }
}

export function refusalText(access: Access): string {
  return access === 'admin'
    ? 'Only server admins (Manage Server permission) can use this command.'
    : "Only this server's moderators can use this command. If you need one, `/help-me` reaches them privately.";
}
