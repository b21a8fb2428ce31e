import type { HotlineLookup, Service } from './hotlines.js';
import type { LocalService } from './store.js';

/** A service as one line: name, how to reach it, hours. Never more than the member needs. */
export function serviceLine(s: Pick<Service, 'name' | 'phone' | 'text' | 'url' | 'hours'> & { textKeyword?: string | undefined; notes?: string | undefined }): string {
  const ways = [
    s.phone ? `call **${s.phone}**` : null,
    s.text ? `text ${s.textKeyword ? `**${s.textKeyword}** to ` : ''}**${s.text}**` : null,
    s.url ? `<${s.url}>` : null,
  ].filter(Boolean);
  return `**${s.name}**: ${ways.join(', or ')}${s.hours ? ` (${s.hours})` : ''}${s.notes ? `. ${s.notes}` : ''}`;
}

function localLine(s: LocalService): string {
  return serviceLine({ name: s.name, phone: s.phone ?? undefined, text: s.text ?? undefined, url: s.url ?? undefined, hours: s.hours ?? '' });
}

export interface ResourcesView {
  title: string;
  lines: string[];
  footer: string;
}

/**
 * `/resources`: the emergency number first, then the country's lines, the server's own services,
 * and the international directories. A guessed country says it is a guess and how to change it.
 */
export function resourcesView(lookup: HotlineLookup, local: readonly LocalService[], countryName: string | undefined, how: 'chosen' | 'saved' | 'server' | 'guess' | 'none'): ResourcesView {
  const lines: string[] = [];
  if (lookup.emergency) lines.push(`🚑 **In an emergency, call ${lookup.emergency}**${lookup.emergencyNote ? ` (${lookup.emergencyNote})` : ''}.`);
  else lines.push('🚑 **In an emergency, call your local emergency number.**');
  if (!lookup.fallback) lines.push('', ...lookup.services.map((s) => `• ${serviceLine(s)}`));
  if (local.length > 0) lines.push('', '**From this server**', ...local.map((s) => `• ${localLine(s)}`));
  lines.push('', lookup.fallback ? "**Helplines in your country** (I don't have a verified list for it yet):" : '**Elsewhere in the world**', ...lookup.international.map((s) => `• ${serviceLine(s)}`));
  const where = countryName ?? 'your area';
  const title = lookup.fallback ? 'Support when you need it' : `Support in ${where}`;
  const footer =
    how === 'guess'
      ? `I guessed ${where} from your Discord language. Pick your country with /resources country: (add remember: True to keep it).`
      : how === 'none'
        ? 'Pick your country with /resources country: to see its lines.'
        : 'These services are free and confidential. Haven is a bot, not a crisis service.';
  return { title, lines, footer };
}

/**
 * The private message to a member whose message was flagged (safe-messaging checklist: say it is
 * automated, empathy first, emergency number first when urgent, few concrete options, hope, what
 * happens next, an easy way out if misread). Never repeats their words or mentions means.
 */
export function crisisReplyText(level: 'concern' | 'urgent', lookup: HotlineLookup, local: readonly LocalService[], moderatorsAlerted: boolean): string {
  const primary = lookup.fallback ? lookup.international[0] : lookup.services[0];
  const second = lookup.fallback ? undefined : lookup.services[1];
  const emergency = lookup.emergency ? `call **${lookup.emergency}**` : 'call your local emergency number';
  const lines = [
    "I'm Haven's automated helper. I noticed your message, and it sounds like things are really heavy right now. I'm glad you said something, and you don't have to go through this alone.",
    '',
  ];
  if (level === 'urgent') lines.push(`• **If you are in danger or might act on these thoughts right now, ${emergency}.**`);
  if (primary) lines.push(`• ${serviceLine(primary)}. It's free and confidential.`);
  if (second) lines.push(`• ${serviceLine(second)}.`);
  if (local[0]) lines.push(`• ${localLine(local[0])}.`);
  if (level !== 'urgent') lines.push(`• If you are in danger, ${emergency}.`);
  lines.push('', 'Feelings this strong can pass, and talking to someone helps.');
  lines.push(moderatorsAlerted ? 'A moderator here has been let know and may check in with you privately.' : 'You can reach the moderators here any time with `/help-me`.');
  lines.push("If I misread you, sorry: you can ignore this message. `/resources` shows these lines again whenever you need them.");
  return lines.join('\n');
}

/** When a member's DMs are closed: a brief, gentle reply that points to /resources without repeating them. */
export const channelNudgeText =
  "Sending you care. If things feel heavy right now, `/resources` shows free, confidential support lines for where you are (only you will see them). You can also reach the moderators privately with `/help-me`.";

export const optOutDoneText = "Understood: I won't send you these automated messages in this server again. The moderators may still check in. `/resources` is always there if you need it.";
export const notAboutMeText = "Thanks for telling me, and sorry for the mix-up. This helps make Haven's checks better.";
