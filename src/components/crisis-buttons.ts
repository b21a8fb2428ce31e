import { MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import { notAboutMeText, optOutDoneText } from '../features/crisis/messages.js';
import { getFlag, setPrefs, updateFlag } from '../features/crisis/store.js';
import { NOT_ME_PREFIX, OPT_OUT_PREFIX } from '../discord/crisis-responder.js';
import type { ComponentHandler } from '../commands/types.js';

/** "Don't send me these": remembered per server; moderators are still told about flags. */
export const crisisOptOut: ComponentHandler = {
  prefix: OPT_OUT_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction) {
    await setPrefs(ctx.db, interaction.guildId, interaction.user.id, { crisisOptOut: true }, ctx.clock.now());
    await interaction.reply({ content: optOutDoneText, flags: MessageFlags.Ephemeral });
  },
  async handleDm(ctx, interaction, [guildId]) {
    if (!interaction.isButton()) return;
    if (!guildId || !/^\d{17,20}$/.test(guildId)) throw new UserError('This button has expired.');
    await setPrefs(ctx.db, guildId, interaction.user.id, { crisisOptOut: true }, ctx.clock.now());
    await interaction.reply({ content: optOutDoneText });
  },
};

/** "This wasn't about me": counted, so admins can see how often the detector misfires. */
export const crisisNotMe: ComponentHandler = {
  prefix: NOT_ME_PREFIX,
  access: 'everyone',
  async handle(_ctx, interaction) {
    await interaction.reply({ content: notAboutMeText, flags: MessageFlags.Ephemeral });
  },
  async handleDm(ctx, interaction, [flagId]) {
    if (!interaction.isButton()) return;
    const flag = flagId ? await getFlag(ctx.db, flagId) : undefined;
    if (flag && flag.memberId === interaction.user.id) await updateFlag(ctx.db, flag.id, { notAboutMe: true });
    ctx.logger.info({ event: 'crisis_feedback_not_me', guildId: flag?.guildId }, 'member said a crisis flag was not about them');
    await interaction.reply({ content: notAboutMeText });
  },
};
