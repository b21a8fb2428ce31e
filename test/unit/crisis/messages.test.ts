import { describe, expect, it } from 'vitest';
import { hotlinesFor } from '../../../src/features/crisis/hotlines.js';
import { pickCountry } from '../../../src/features/crisis/locale.js';
import { channelNudgeText, crisisReplyText, resourcesView } from '../../../src/features/crisis/messages.js';

describe('the private crisis reply (safe-messaging checklist)', () => {
  const gb = hotlinesFor('GB');

  it('says it is automated, opens with care, and ends with an easy way out', () => {
    const text = crisisReplyText('concern', gb, [], true);
    expect(text.startsWith("I'm Haven's automated helper.")).toBe(true);
    expect(text).toContain("you don't have to go through this alone");
    expect(text).toContain('A moderator here has been let know');
    expect(text).toContain('If I misread you, sorry');
  });

  it('puts the emergency number first when urgent, and the crisis line first otherwise', () => {
    const bullets = (level: 'urgent' | 'concern') => crisisReplyText(level, gb, [], true).split('\n').filter((l) => l.startsWith('•'));
    expect(bullets('urgent')[0]).toContain('call **999**');
    expect(bullets('concern')[0]).toContain('Samaritans');
    expect(bullets('concern').at(-1)).toContain('999');
  });

  it('gives few options: at most the primary line, one alternative and one local service', () => {
    const local = [{ id: 'x', guildId: 'g', name: 'Oncology nurses', phone: '020 7946 0000', text: null, url: null, hours: 'weekdays', addedBy: 'a', createdAt: new Date(0) }];
    expect(crisisReplyText('concern', gb, local, true).split('\n').filter((l) => l.startsWith('•')).length).toBeLessThanOrEqual(4);
  });

  it('never sends another country’s number: unknown countries get the international directories', () => {
    const text = crisisReplyText('urgent', hotlinesFor('ZZ'), [], false);
    expect(text).toContain('call your local emergency number');
    expect(text).toContain('findahelpline.com');
    expect(text).toContain('`/help-me`');
  });

  it('the channel nudge does not repeat anything the member wrote and points to /resources', () => {
    expect(channelNudgeText).toContain('/resources');
    expect(channelNudgeText).not.toMatch(/suicid|kill|die|pills/i);
  });
});

describe('/resources', () => {
  it('leads with the emergency number and labels a guessed country as a guess', () => {
    const view = resourcesView(hotlinesFor('DE'), [], 'Germany', 'guess');
    expect(view.lines[0]).toContain('call 112');
    expect(view.footer).toContain('I guessed Germany');
  });

  it('picks the country in the documented order', () => {
    expect(pickCountry({ chosen: 'US', saved: 'GB', server: 'IE', locale: 'de' })).toEqual({ country: 'US', how: 'chosen' });
    expect(pickCountry({ saved: 'GB', server: 'IE', locale: 'de' })).toEqual({ country: 'GB', how: 'saved' });
    expect(pickCountry({ server: 'IE', locale: 'de' })).toEqual({ country: 'IE', how: 'server' });
    expect(pickCountry({ locale: 'de' })).toEqual({ country: 'DE', how: 'guess' });
    expect(pickCountry({ locale: 'es-419' })).toEqual({ country: undefined, how: 'none' });
  });
});
