import { describe, expect, it } from 'vitest';
import { isModerator, mayUse } from '../../../src/features/permissions/access.js';

const member = { isAdmin: false, hasModerationPermission: false, roleIds: ['r-member'] };
const noRoles = { moderatorRoleId: null, seniorRoleId: null };

describe('access rules', () => {
  it('lets everyone use member commands', () => {
    expect(mayUse('everyone', member, noRoles)).toBe(true);
  });

  it('refuses admin commands to a member without Manage Server', () => {
    expect(mayUse('admin', member, noRoles)).toBe(false);
    expect(mayUse('admin', { ...member, isAdmin: true }, noRoles)).toBe(true);
  });

  it('counts Manage Messages as moderator only until a moderator role is configured', () => {
    const withPerm = { ...member, hasModerationPermission: true };
    expect(isModerator(withPerm, noRoles)).toBe(true);
    expect(isModerator(withPerm, { moderatorRoleId: 'r-mod', seniorRoleId: null })).toBe(false);
  });

  it('treats the moderator and senior roles as moderators, and admins always', () => {
    const roles = { moderatorRoleId: 'r-mod', seniorRoleId: 'r-senior' };
    expect(isModerator({ ...member, roleIds: ['r-mod'] }, roles)).toBe(true);
    expect(isModerator({ ...member, roleIds: ['r-senior'] }, roles)).toBe(true);
    expect(isModerator(member, roles)).toBe(false);
    expect(isModerator({ ...member, isAdmin: true }, roles)).toBe(true);
  });
});
