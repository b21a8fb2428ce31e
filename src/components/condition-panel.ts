import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, StringSelectMenuBuilder, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { UserError } from '../errors.js';
import { getCondition, joinedConditionIds, listConditions, type Condition } from '../features/conditions/store.js';
import { customId } from '../interactions/custom-id.js';
import { joinCondition, joinText, label, leaveCondition, leaveText } from '../commands/condition/membership.js';
import { PANEL_PREFIX } from '../commands/condition/panel.js';
import type { ComponentHandler } from '../commands/types.js';

const PICK_PREFIX = 'cpick';
const PAGE_PREFIX = 'cpage';
/** Discord allows 25 options per select menu. */
export const PAGE_SIZE = 25;

export interface PickerView {
  content: string;
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The member's private view: every condition with their state, and a menu to join or leave in place. */
export function pickerView(all: readonly Condition[], joined: ReadonlySet<string>, page: number, notice?: string): PickerView {
  if (all.length === 0) return { content: 'This server has no condition channels yet.', components: [] };
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = all.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const lines = slice.map((c) => `${joined.has(c.id) ? '✅' : '▫️'} ${label(c)}: ${c.description}`);
  const header = notice ? `${notice}\n\n` : '';
  const content = `${header}${lines.join('\n')}${pages > 1 ? `\n\nPage ${current + 1} of ${pages}` : ''}`.slice(0, 2000);
  const menu = new StringSelectMenuBuilder()
    .setCustomId(customId(PICK_PREFIX, current))
    .setPlaceholder('Join or leave a group…')
    .addOptions(slice.map((c) => ({ label: `${joined.has(c.id) ? 'Leave' : 'Join'} ${c.name}`.slice(0, 100), value: c.id, description: c.description.slice(0, 100), ...(c.emoji ? { emoji: c.emoji } : {}) })));
  const rows: ActionRowBuilder<StringSelectMenuBuilder | ButtonBuilder>[] = [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)];
  if (pages > 1) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId(PAGE_PREFIX, current - 1)).setLabel('Previous').setStyle(ButtonStyle.Secondary).setDisabled(current === 0),
        new ButtonBuilder().setCustomId(customId(PAGE_PREFIX, current + 1)).setLabel('Next').setStyle(ButtonStyle.Secondary).setDisabled(current === pages - 1),
      ),
    );
  }
  return { content, components: rows.map((r) => r.toJSON()) };
}

/** The public panel's button: opens the private picker. */
export const panelButton: ComponentHandler = {
  prefix: PANEL_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction) {
    const all = await listConditions(ctx.db, interaction.guildId);
    const joined = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    await interaction.reply({ ...pickerView(all, joined, 0), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};

/** A choice in the picker: join or leave, then redraw the picker with the outcome on top. */
export const panelPick: ComponentHandler = {
  prefix: PICK_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction, args) {
    if (!interaction.isStringSelectMenu()) return;
    const id = interaction.values[0];
    const condition = id ? await getCondition(ctx.db, interaction.guildId, id) : undefined;
    if (!condition) throw new UserError('That group was removed a moment ago. Click **Find your people** again for the current list.');
    await interaction.deferUpdate();
    const joinedBefore = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    let notice: string;
    try {
      notice = joinedBefore.has(condition.id)
        ? leaveText(await leaveCondition(ctx, interaction.guild, condition, interaction.user.id))
        : joinText(await joinCondition(ctx, interaction.guild, condition, interaction.user.id));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      notice = error.message;
    }
    const all = await listConditions(ctx.db, interaction.guildId);
    const joined = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    await interaction.editReply({ ...pickerView(all, joined, Number(args[0] ?? 0), notice), allowedMentions: { parse: [] } });
  },
};

export const panelPage: ComponentHandler = {
  prefix: PAGE_PREFIX,
  access: 'everyone',
  async handle(ctx, interaction, args) {
    if (!interaction.isButton()) return;
    const all = await listConditions(ctx.db, interaction.guildId);
    const joined = await joinedConditionIds(ctx.db, interaction.guildId, interaction.user.id);
    await interaction.update({ ...pickerView(all, joined, Number(args[0] ?? 0)), allowedMentions: { parse: [] } });
  },
};
