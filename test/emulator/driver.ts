import { ApplicationCommandOptionType as O, ChannelType, InteractionType } from 'discord-api-types/v10';
import type { World } from './core.js';
import type { InteractionRecord, Interactions } from './interactions.js';
import { apiChannel, apiMember, apiMessage, apiRole, apiUser } from './serialize.js';
import { snowflake } from './snowflake.js';
import type { Channel, Message, RegisteredCommand, Store } from './state.js';

type Obj = Record<string, unknown>;

/** A member as the driver needs it (see MemberRef in index.ts). */
interface Actor {
  readonly id: string;
  readonly guildId: string;
}

/** An option value as a test writes it: plain values, or objects with an id for users, channels, roles. */
export type OptionValue = string | number | boolean | { id: string };

/** What the member saw after an interaction. */
export interface Seen {
  interactionId: string;
  /** 'message' (4/5 then edit), 'update' (a component's message was edited), 'modal', 'choices', 'ack' (deferUpdate). */
  kind: 'message' | 'update' | 'modal' | 'choices' | 'ack';
  ephemeral: boolean;
  content: string;
  embeds: Obj[];
  components: Obj[];
  /** The message record (public or ephemeral) carrying the answer. */
  message?: Message;
  modal?: Obj;
  choices: { name: string; value: string | number }[];
  followUps: Message[];
  /** Every text the member saw, for "contains" assertions: content, embed text, follow-ups. */
  text: string;
}

const EPHEMERAL = 1 << 6;

function textOf(m: Message | undefined): string {
  if (!m) return '';
  const embeds = (m.embeds as Obj[]).map((e) => [e.title, e.description, ...((e.fields as Obj[] | undefined) ?? []).flatMap((f) => [f.name, f.value]), (e.footer as Obj | undefined)?.text].filter(Boolean).join('\n'));
  return [m.content, ...embeds].filter(Boolean).join('\n');
}

/** Plays members: slash commands, autocomplete, buttons, selects, modals, context menus, chat. */
export class Driver {
  answerTimeoutMs = 5_000;

  protected constructor(readonly world: World, readonly interactions: Interactions) {}

  get store(): Store {
    return this.world.store;
  }

  private command(guildId: string, name: string, type: number): RegisteredCommand {
    const found = [...this.store.commands.values()].find((c) => c.name === name && c.type === type && (c.guildId === guildId || c.guildId === null));
    if (!found) throw new Error(`No command “${name}” is registered (has the bot synced its commands?)`);
    return found;
  }

  private memberPayload(actor: Actor, channel: Channel): Obj {
    const guild = this.world.guild(actor.guildId);
    const member = guild.members.get(actor.id);
    if (!member) throw new Error('Not a member of that server');
    return { ...apiMember(this.store, member), permissions: this.world.permsIn(channel, actor.id).toString() };
  }

  private async dispatch(actor: Actor, channel: Channel, type: number, data: Obj, extra: Obj = {}, sourceMessageId?: string): Promise<InteractionRecord> {
    const id = snowflake();
    const token = `itoken-${id}-${Math.random().toString(36).slice(2)}`;
    const record = this.interactions.add({ id, token, type, userId: actor.id, guildId: actor.guildId, channelId: channel.id, ...(sourceMessageId ? { sourceMessageId } : {}) });
    this.world.gateway.dispatch('INTERACTION_CREATE', {
      id, application_id: this.store.applicationId, type, token, version: 1, data, guild_id: actor.guildId,
      guild: { id: actor.guildId, locale: 'en-US', features: [] }, channel_id: channel.id, channel: apiChannel(channel),
      member: this.memberPayload(actor, channel), app_permissions: this.world.permsIn(channel, this.store.botUser.id).toString(),
      locale: (extra.locale as string | undefined) ?? 'en-US', guild_locale: 'en-US', entitlements: [], authorizing_integration_owners: { '0': actor.guildId }, context: 0,
      attachment_size_limit: 10_485_760, ...extra,
    }, actor.guildId);
    return record;
  }

  private async seen(record: InteractionRecord): Promise<Seen> {
    await this.interactions.waitSettled(record, this.answerTimeoutMs);
    const message = record.originalId ? this.store.messages.get(record.originalId) : undefined;
    const followUps = record.followUpIds.flatMap((id) => this.store.messages.get(id) ?? []);
    const kind = record.callbackType === 9 ? 'modal' : record.callbackType === 8 ? 'choices' : record.callbackType === 7 ? 'update' : record.callbackType === 6 ? 'ack' : 'message';
    // After a deferral, a first follow-up is what the member sees in place of "thinking…".
    const shown = message && message.content === '' && message.embeds.length === 0 && followUps[0] ? followUps[0] : message;
    return {
      interactionId: record.id, kind, ephemeral: Boolean((shown?.flags ?? 0) & EPHEMERAL), content: shown?.content ?? '', embeds: (shown?.embeds ?? []) as Obj[],
      components: (shown?.components ?? []) as Obj[], ...(shown ? { message: shown } : {}), ...(record.modal ? { modal: record.modal } : {}),
      choices: record.choices ?? [], followUps, text: [textOf(message), ...followUps.map(textOf)].filter(Boolean).join('\n'),
    };
  }

  /** Builds `data.options` for "command sub" paths from the registered command's option types. */
  private options(command: RegisteredCommand, path: string[], values: Record<string, OptionValue>, focused?: string): { options: Obj[]; resolved: Obj } {
    const resolved: { users: Obj; members: Obj; channels: Obj; roles: Obj } = { users: {}, members: {}, channels: {}, roles: {} };
    let defs = (command.body.options as Obj[] | undefined) ?? [];
    const chain: Obj[] = [];
    for (const name of path) {
      const def = defs.find((d) => d.name === name);
      if (!def) throw new Error(`/${command.name} has no subcommand “${name}”`);
      chain.push({ type: def.type, name });
      defs = (def.options as Obj[] | undefined) ?? [];
    }
    const leaf = Object.entries(values).map(([name, raw]) => {
      const def = defs.find((d) => d.name === name);
      if (!def) throw new Error(`/${[command.name, ...path].join(' ')} has no option “${name}”`);
      const type = Number(def.type);
      const id = typeof raw === 'object' ? raw.id : String(raw);
      if (type === O.User) {
        const user = this.store.user(id);
        if (user) resolved.users[id] = apiUser(user);
      } else if (type === O.Channel) {
        const c = this.store.channels.get(id);
        resolved.channels[id] = c ? { ...apiChannel(c), permissions: '0' } : { id, type: ChannelType.GuildText, name: 'deleted-channel', permissions: '0' };
      } else if (type === O.Role) {
        for (const g of this.store.guilds.values()) { const r = g.roles.get(id); if (r) resolved.roles[id] = apiRole(r); }
      }
      const value = type === O.User || type === O.Channel || type === O.Role || type === O.Mentionable ? id : raw;
      return { name, type, value, ...(focused === name ? { focused: true } : {}) };
    });
    let options: Obj[] = leaf;
    for (const level of chain.reverse()) options = [{ ...level, options }];
    return { options, resolved };
  }

  private async command_(actor: Actor, channel: Channel, commandLine: string, values: Record<string, OptionValue>, type: number, focused?: string, locale?: string): Promise<Seen> {
    const [name, ...path] = commandLine.split(' ');
    const command = this.command(actor.guildId, name!, 1);
    const { options, resolved } = this.options(command, path, values, focused);
    const record = await this.dispatch(actor, channel, type, { id: command.id, name: command.name, type: 1, options, resolved, guild_id: actor.guildId }, locale ? { locale } : {});
    return this.seen(record);
  }

  /** `/name sub option:value` as a member, in a channel. */
  slash(actor: Actor, channel: Channel, commandLine: string, values: Record<string, OptionValue> = {}, opts: { locale?: string } = {}): Promise<Seen> {
    return this.command_(actor, channel, commandLine, values, InteractionType.ApplicationCommand, undefined, opts.locale);
  }

  /** Types into an autocomplete option and returns the choices offered. */
  async autocomplete(actor: Actor, channel: Channel, commandLine: string, focused: string, typed: string, others: Record<string, OptionValue> = {}): Promise<{ name: string; value: string | number }[]> {
    const seen = await this.command_(actor, channel, commandLine, { ...others, [focused]: typed }, InteractionType.ApplicationCommandAutocomplete, focused);
    return seen.choices;
  }

  private componentOf(message: Message, customId: string): Obj {
    for (const row of message.components as Obj[]) for (const c of (row.components as Obj[] | undefined) ?? []) if (c.custom_id === customId) return c;
    throw new Error(`No component “${customId}” on that message`);
  }

  private channelOf(message: Message): Channel {
    const channel = this.store.channels.get(message.channelId);
    if (!channel) throw new Error('That message’s channel is gone');
    return channel;
  }

  /** Clicks a button (found by custom id, or by label) on a message the member can see. */
  async click(actor: Actor, message: Message, button: string | { label: string }): Promise<Seen> {
    const customId = typeof button === 'string' ? button : this.buttonByLabel(message, button.label);
    this.componentOf(message, customId);
    const record = await this.dispatch(actor, this.channelOf(message), InteractionType.MessageComponent, { custom_id: customId, component_type: 2 }, { message: apiMessage(this.store, message) }, message.id);
    return this.seen(record);
  }

  buttonByLabel(message: Message, label: string): string {
    for (const row of message.components as Obj[]) for (const c of (row.components as Obj[] | undefined) ?? []) if (c.label === label && typeof c.custom_id === 'string') return c.custom_id;
    throw new Error(`No button labelled “${label}” on that message`);
  }

  private dispatchInDm(actor: Actor, message: Message, type: number, data: Obj): InteractionRecord {
    const channel = this.channelOf(message);
    const user = this.store.user(actor.id)!;
    const id = snowflake();
    const token = `itoken-${id}-${Math.random().toString(36).slice(2)}`;
    const record = this.interactions.add({ id, token, type, userId: actor.id, guildId: null, channelId: channel.id, sourceMessageId: message.id });
    this.world.gateway.dispatch('INTERACTION_CREATE', {
      id, application_id: this.store.applicationId, type, token, version: 1, data,
      channel_id: channel.id, channel: apiChannel(channel), user: apiUser(user), message: apiMessage(this.store, message), app_permissions: '0', locale: 'en-US',
      entitlements: [], authorizing_integration_owners: { '1': actor.id }, context: 1, attachment_size_limit: 10_485_760,
    });
    return record;
  }

  /** Clicks a button on a message Haven sent the member by DM (no server in the interaction). */
  async clickInDm(actor: Actor, message: Message, button: string | { label: string }): Promise<Seen> {
    const customId = typeof button === 'string' ? button : this.buttonByLabel(message, button.label);
    this.componentOf(message, customId);
    return this.seen(this.dispatchInDm(actor, message, InteractionType.MessageComponent, { custom_id: customId, component_type: 2 }));
  }

  /** Submits a modal the bot showed after a click in DMs. */
  async submitModalInDm(actor: Actor, message: Message, shown: Seen, fields: Record<string, string>): Promise<Seen> {
    if (!shown.modal) throw new Error('The bot did not show a modal');
    const rows = (shown.modal.components as Obj[]).map((row) => ({ type: 1, components: ((row.components as Obj[] | undefined) ?? []).map((c) => ({ type: 4, custom_id: c.custom_id, value: fields[String(c.custom_id)] ?? '' })) }));
    return this.seen(this.dispatchInDm(actor, message, InteractionType.ModalSubmit, { custom_id: shown.modal.custom_id, components: rows }));
  }

  /** Picks values in a select menu. */
  async select(actor: Actor, message: Message, customId: string, values: string[]): Promise<Seen> {
    const component = this.componentOf(message, customId);
    const record = await this.dispatch(actor, this.channelOf(message), InteractionType.MessageComponent, { custom_id: customId, component_type: component.type, values }, { message: apiMessage(this.store, message) }, message.id);
    return this.seen(record);
  }

  /** Fills and submits the modal the bot showed in `shown`. */
  async submitModal(actor: Actor, channel: Channel, shown: Seen, fields: Record<string, string>): Promise<Seen> {
    if (!shown.modal) throw new Error('The bot did not show a modal');
    const rows = (shown.modal.components as Obj[]).map((row) => ({
      type: 1,
      components: ((row.components as Obj[] | undefined) ?? (row.component ? [row.component as Obj] : [])).map((c) => ({ type: 4, custom_id: c.custom_id, value: fields[String(c.custom_id)] ?? '' })),
    }));
    const source = this.interactions.records.get(shown.interactionId)?.sourceMessageId;
    const extra = source ? { message: apiMessage(this.store, this.store.messages.get(source)!) } : {};
    const record = await this.dispatch(actor, channel, InteractionType.ModalSubmit, { custom_id: shown.modal.custom_id, components: rows }, extra, source);
    return this.seen(record);
  }

  /** Right-click → Apps → `name` on a message. */
  async contextMenu(actor: Actor, message: Message, name: string): Promise<Seen> {
    const command = this.command(actor.guildId, name, 3);
    const record = await this.dispatch(actor, this.channelOf(message), InteractionType.ApplicationCommand, {
      id: command.id, name, type: 3, target_id: message.id, resolved: { messages: { [message.id]: apiMessage(this.store, message) } }, guild_id: actor.guildId,
    });
    return this.seen(record);
  }

  /** A member writes in a channel. */
  say(actor: Actor, channel: Channel, content: string): Message {
    return this.world.postMessage({ channelId: channel.id, authorId: actor.id, content });
  }
}
