import { MessageFlags, type RepliableInteraction } from 'discord.js';

/** Sends private text whatever state the interaction is in (fresh, deferred or answered). */
export async function respondPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const message = { content, allowedMentions: { parse: [] } };
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(message);
  } else if (interaction.replied) {
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }
}
