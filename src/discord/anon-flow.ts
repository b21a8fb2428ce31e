import { ChannelType, type Guild } from 'discord.js';
import type { AppContext } from '../context.js';
import { UserError } from '../errors.js';
import { pseudonymFor } from '../features/anonymous/pseudonym.js';
import { blockedText, postProblem, pseudonymScope, rateLimitText } from '../features/anonymous/rules.js';
import { blockKeyFor, openAuthor, sealAuthor } from '../features/anonymous/seal.js';
import { activeBlock, getAnonChannel, insertPost, postsSince, updatePost, type AnonPost } from '../features/anonymous/store.js';
import { detectCrisis } from '../features/crisis/detector.js';
import { escalate } from './case-card.js';
import { getGuildSettings } from '../features/settings/guild-settings.js';
import { sendAnonymous } from './anon-poster.js';

export interface Destination {
  /** The text channel whose webhook posts (the parent when posting in a thread). */
  channelId: string;
  threadId: string | null;
}

/** Where a post typed in `channelId` goes: threads post through their parent's webhook. */
export async function destinationOf(guild: Guild, channelId: string): Promise<Destination> {
  const channel = await guild.channels.fetch(channelId).catch(() => null);
  if (channel?.isThread() && channel.parentId) return { channelId: channel.parentId, threadId: channel.id };
  if (channel?.type === ChannelType.GuildText) return { channelId: channel.id, threadId: null };
  throw new UserError('Anonymous posts work in text channels and their threads.');
}

export interface Submitted {
  post: AnonPost;
  /** Resources for the author when the crisis check flagged their words (shown privately first). */
  crisis: 'none' | 'concern' | 'urgent';
}

/**
 * Checks, then posts (or queues for review) an anonymous post. The author is stored only sealed and
 * as a keyed hash; nothing identifying goes to Discord, the logs or a moderator.
 */
export async function submitAnonymous(ctx: AppContext, guild: Guild, authorId: string, where: Destination, text: string): Promise<Submitted> {
  const settings = await getAnonChannel(ctx.db, where.channelId);
  if (!settings?.enabled) throw new UserError('Anonymous posting is not turned on in this channel. An admin can turn it on with `/setup anonymous`.');
  const now = ctx.clock.now();
  const authorKey = blockKeyFor(ctx.anon, guild.id, authorId);
  if (await activeBlock(ctx.db, guild.id, authorKey, now)) throw new UserError(blockedText);
  const recent = await postsSince(ctx.db, guild.id, authorKey, new Date(now.getTime() - settings.rateWindowMinutes * 60_000));
  if (recent >= settings.rateLimit) throw new UserError(rateLimitText(settings.rateLimit, settings.rateWindowMinutes));
  const problem = postProblem(text, { allowLinks: settings.allowLinks });
  if (problem) throw new UserError(problem);
  const content = text.trim();
  const pseudonym = pseudonymFor(ctx.anon, authorId, pseudonymScope(where.threadId ?? where.channelId, settings.rotation, now));
  const crisis = (await getGuildSettings(ctx.db, guild.id)).crisisEnabled ? detectCrisis(content).level : 'none';

  const post = await insertPost(ctx.db, {
    guildId: guild.id, channelId: where.channelId, threadId: where.threadId, pseudonym, authorSeal: null, authorKey,
    status: settings.review ? 'pending' : 'posted', pendingContent: settings.review ? content : null, createdAt: now,
  });
  await updatePost(ctx.db, post.id, { authorSeal: sealAuthor(ctx.anon, authorId, post.id) });

  if (crisis !== 'none') {
    await escalate(ctx, {
      guildId: guild.id, kind: 'crisis', urgency: crisis === 'urgent' ? 'urgent' : 'normal', subjectId: null, anonymous: true, channelId: where.threadId ?? where.channelId,
      excerpt: content.slice(0, 300), summary: `Automated crisis flag on an anonymous post (${crisis}). The author was shown crisis resources privately. Nobody, including Haven's moderators, is told who wrote it.`,
    }, null);
  }
  if (settings.review) {
    const c = await escalate(ctx, {
      guildId: guild.id, kind: 'anon-review', urgency: 'normal', subjectId: null, anonymous: true, channelId: where.threadId ?? where.channelId,
      excerpt: content.slice(0, 1000), summary: `An anonymous post by **${pseudonym}** is waiting for approval in <#${where.threadId ?? where.channelId}>.`,
    }, null);
    return { post: (await updatePost(ctx.db, post.id, { caseId: c.id })) ?? post, crisis };
  }
  try {
    const messageId = await sendAnonymous(ctx, { ...where, pseudonym, content });
    return { post: (await updatePost(ctx.db, post.id, { messageId })) ?? post, crisis };
  } catch (error) {
    await updatePost(ctx.db, post.id, { status: 'deleted', authorSeal: null });
    throw error;
  }
}

/** A moderator approved or rejected a post waiting for review; the author learns it privately. */
export async function decideReview(ctx: AppContext, post: AnonPost, approve: boolean): Promise<AnonPost> {
  if (post.status !== 'pending') throw new UserError('That post was already decided.');
  let decided: AnonPost | undefined;
  if (approve) {
    const messageId = await sendAnonymous(ctx, { channelId: post.channelId, threadId: post.threadId, pseudonym: post.pseudonym, content: post.pendingContent ?? '' });
    decided = await updatePost(ctx.db, post.id, { status: 'posted', messageId, pendingContent: null });
  } else {
    decided = await updatePost(ctx.db, post.id, { status: 'rejected', pendingContent: null });
  }
  await tellAuthor(ctx, post, approve ? `Your anonymous post in <#${post.threadId ?? post.channelId}> was approved and is now up, as **${post.pseudonym}**.` : `The moderators decided not to publish your anonymous post in <#${post.threadId ?? post.channelId}>. If you'd like to talk about it, \`/help-me\` reaches them privately.`);
  return decided ?? post;
}

/** Haven itself opens the seal to DM the author: no person sees who it is. */
async function tellAuthor(ctx: AppContext, post: AnonPost, text: string): Promise<void> {
  if (!post.authorSeal) return;
  try {
    const user = await ctx.client.users.fetch(openAuthor(ctx.anon, post.authorSeal, post.id));
    await user.send({ content: text, allowedMentions: { parse: [] } });
  } catch (error) {
    ctx.logger.info({ guildId: post.guildId, event: 'anon_outcome_undelivered' }, 'could not tell an anonymous author the review outcome');
  }
}
