import { ChannelType, DiscordAPIError, RESTJSONErrorCodes, type Webhook } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { getWebhook, saveWebhook } from '../features/anonymous/store.js';

const WEBHOOK_NAME = 'Haven anonymous posts';
/** Discord allows 15 webhooks per channel. */
const WEBHOOK_LIMIT = 15;

/** Haven's webhook in a channel: reused, re-created if someone deleted it, never beyond Discord's limit. */
async function webhookFor(ctx: AppContext, channelId: string, fresh = false): Promise<Webhook> {
  const stored = fresh ? undefined : await getWebhook(ctx.db, channelId);
  if (stored) {
    const found = await ctx.client.fetchWebhook(stored.webhookId, stored.webhookToken).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownWebhook) return null;
      throw error;
    });
    if (found) return found;
  }
  const channel = await ctx.client.channels.fetch(channelId);
  if (channel?.type !== ChannelType.GuildText) throw new UserError('Anonymous posts work in text channels (and their threads).');
  const existing = await channel.fetchWebhooks();
  const ours = existing.find((w) => w.owner?.id === ctx.client.user?.id && w.name === WEBHOOK_NAME && w.token);
  const webhook = ours ?? (existing.size >= WEBHOOK_LIMIT ? null : await channel.createWebhook({ name: WEBHOOK_NAME, reason: 'Haven: anonymous posts' }));
  if (!webhook?.token) throw new UserError(`This channel already has Discord's maximum of ${WEBHOOK_LIMIT} webhooks, so Haven can't post anonymously here. An admin can remove an unused one in the channel's Integrations settings.`);
  await saveWebhook(ctx.db, { channelId, guildId: channel.guildId, webhookId: webhook.id, webhookToken: webhook.token });
  return webhook;
}

/**
 * Sends an anonymous post through the channel's webhook, under a pseudonym, with no mentions. Never
 * through an interaction response: Discord stamps those with the author (`interaction_metadata`).
 */
export async function sendAnonymous(ctx: AppContext, post: { channelId: string; threadId: string | null; pseudonym: string; content: string }): Promise<string> {
  const send = async (webhook: Webhook) =>
    webhook.send({ content: post.content, username: post.pseudonym, allowedMentions: { parse: [] }, ...(post.threadId ? { threadId: post.threadId } : {}) });
  try {
    return (await send(await webhookFor(ctx, post.channelId))).id;
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownWebhook)) throw error;
    return (await send(await webhookFor(ctx, post.channelId, true))).id;
  }
}

/**
 * Deletes an anonymous post: through the webhook that sent it, or, when that webhook was deleted
 * and replaced since, as the bot (Manage Messages).
 */
export async function deleteAnonymous(ctx: AppContext, post: { channelId: string; threadId: string | null; messageId: string | null }): Promise<void> {
  if (!post.messageId) return;
  try {
    const webhook = await webhookFor(ctx, post.channelId);
    await webhook.deleteMessage(post.messageId, post.threadId ?? undefined);
    return;
  } catch (error) {
    if (!(error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownMessage || error.code === RESTJSONErrorCodes.UnknownWebhook))) throw error;
  }
  const channel = await ctx.client.channels.fetch(post.threadId ?? post.channelId).catch(() => null);
  if (!channel?.isTextBased()) return;
  await channel.messages.delete(post.messageId).catch((error: unknown) => {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage)) throw error;
  });
}
