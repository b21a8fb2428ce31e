import type { ComponentHandler } from '../commands/types.js';
import { caseActions, caseNoteModal, caseResolveModal } from './case-actions.js';
import { panelButton, panelPage, panelPick } from './condition-panel.js';
import { reportModal } from '../commands/report.js';
import { shareResources } from '../commands/resources.js';
import { crisisNotMe, crisisOptOut } from './crisis-buttons.js';
import { moodButtons } from './mood-buttons.js';
import { confirmDelete } from '../commands/privacy.js';
import { memberReplyButton, memberReplyModal, moderatorReply } from './help-relay.js';
import { moderateButtons, postModalHandler, replyModalHandler, selfDeleteHandler } from '../commands/anon-menus.js';

/** Every button, select menu and modal handler, keyed by custom id prefix. */
export const components: readonly ComponentHandler[] = [panelButton, panelPick, panelPage, caseActions, caseNoteModal, caseResolveModal, reportModal, shareResources, crisisOptOut, crisisNotMe, moodButtons, postModalHandler, replyModalHandler, selfDeleteHandler, moderateButtons, confirmDelete, moderatorReply, memberReplyButton, memberReplyModal];
