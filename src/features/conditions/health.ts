/** What can stop Haven from giving access to a condition channel, each with the exact fix for an admin. */
export type HealthProblem =
  | { readonly kind: 'channel-missing' }
  | { readonly kind: 'role-missing' }
  | { readonly kind: 'missing-permission'; readonly permission: string; readonly where: 'server' | 'channel' }
  | { readonly kind: 'role-above-bot'; readonly roleName: string; readonly botRoleName: string }
  | { readonly kind: 'overwrites-near-limit'; readonly used: number; readonly limit: number };

/** Discord allows 1000 permission overwrites per channel (error 30060); discreet conditions use one per member. */
export const OVERWRITE_LIMIT = 1000;
/** Haven keeps a few for @everyone, its own access and roles admins add. */
export const OVERWRITE_RESERVE = 10;

export function overwriteBudget(used: number): { ok: boolean; remaining: number; warn: boolean } {
  const remaining = OVERWRITE_LIMIT - OVERWRITE_RESERVE - used;
  return { ok: remaining > 0, remaining: Math.max(0, remaining), warn: remaining <= 50 };
}

export function problemText(problem: HealthProblem, conditionName: string, channelMention: string): string {
  switch (problem.kind) {
    case 'channel-missing':
      return `The channel for **${conditionName}** was deleted. Run \`/condition edit\` to point it at another channel, or \`/condition remove\` and add it again.`;
    case 'role-missing':
      return `The role for **${conditionName}** was deleted. Run \`/condition remove\` and \`/condition add\` again to create a new one (the channel and its history are kept).`;
    case 'missing-permission':
      return problem.where === 'server'
        ? `Haven needs the **${problem.permission}** permission. Give it to the Haven role in Server Settings → Roles → Haven.`
        : `Haven needs **${problem.permission}** in ${channelMention}. Open the channel's settings → Permissions and allow it for the Haven role.`;
    case 'role-above-bot':
      return `Move the **${problem.botRoleName}** role above **${problem.roleName}** in Server Settings → Roles (drag it higher), so Haven can give and remove that role.`;
    case 'overwrites-near-limit':
      return `**${conditionName}** is discreet: each member uses one of Discord's ${problem.limit} permission entries on its channel, and ${problem.used} are used. When they run out, nobody new can join; consider a second channel.`;
  }
}

/** The line a member sees when a condition can't be joined right now; never the technical detail. */
export function memberFacingProblem(conditionName: string): string {
  return `I couldn't open **${conditionName}** for you right now. The server's admins have been told and will fix it; please try again later.`;
}
