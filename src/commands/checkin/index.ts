import { commandWithSubcommands } from '../subcommands.js';
import { checkinDelete, checkinEdit, checkinList, checkinPause, checkinResume, checkinSkip } from './manage.js';
import { checkinNext, checkinSubscribe, checkinUnsubscribe } from './member.js';
import { checkinSchedule } from './schedule.js';

export const checkin = commandWithSubcommands('checkin', 'Weekly check-in sessions', [
  checkinNext,
  checkinSubscribe,
  checkinUnsubscribe,
  checkinSchedule,
  checkinList,
  checkinEdit,
  checkinPause,
  checkinResume,
  checkinSkip,
  checkinDelete,
]);
