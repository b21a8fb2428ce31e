import { describe, expect, it } from 'vitest';
import { pickerView } from '../../../src/components/condition-panel.js';
import type { Condition } from '../../../src/features/conditions/store.js';

const condition = (i: number): Condition => ({
  id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, guildId: 'g', name: `Group ${String(i).padStart(2, '0')}`, nameKey: `group ${i}`, description: `About ${i}`, emoji: null,
  channelId: 'c', roleId: 'r', discreet: false, greeting: true, ownsRole: true, ownsChannel: true, brokenReason: null, createdBy: 'a', createdAt: new Date(0), archivedAt: null,
});

describe('the "Find your people" picker', () => {
  const all = Array.from({ length: 30 }, (_, i) => condition(i + 1));

  it('shows each group with the member’s state and offers Join or Leave accordingly', () => {
    const view = pickerView(all.slice(0, 3), new Set([all[1]!.id]), 0);
    expect(view.content).toContain('▫️ Group 01');
    expect(view.content).toContain('✅ Group 02');
    const options = (view.components[0]!.components[0] as unknown as { options: { label: string }[] }).options;
    expect(options.map((o) => o.label)).toEqual(['Join Group 01', 'Leave Group 02', 'Join Group 03']);
  });

  it('pages beyond Discord’s 25 options with Previous / Next', () => {
    const first = pickerView(all, new Set(), 0);
    expect((first.components[0]!.components[0] as unknown as { options: unknown[] }).options).toHaveLength(25);
    expect(first.content).toContain('Page 1 of 2');
    const second = pickerView(all, new Set(), 1);
    expect((second.components[0]!.components[0] as unknown as { options: unknown[] }).options).toHaveLength(5);
    const buttons = second.components[1]!.components as unknown as { label: string; disabled?: boolean }[];
    expect(buttons.map((b) => [b.label, Boolean(b.disabled)])).toEqual([['Previous', false], ['Next', true]]);
    expect(pickerView(all, new Set(), 9).content).toContain('Page 2 of 2');
  });

  it('says so when there is nothing to join', () => {
    expect(pickerView([], new Set(), 0)).toEqual({ content: 'This server has no condition channels yet.', components: [] });
  });
});
