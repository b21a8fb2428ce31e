import { PermissionFlagsBits } from 'discord.js';
import { commandWithSubcommands } from '../subcommands.js';
import { conditionAdd } from './add.js';
import { conditionEdit } from './edit.js';
import { conditionList } from './list.js';
import { conditionPanel } from './panel.js';
import { conditionRemove } from './remove.js';

export const condition = commandWithSubcommands(
  'condition',
  'Define the condition channels members can join (admins)',
  [conditionAdd, conditionEdit, conditionRemove, conditionList, conditionPanel],
  PermissionFlagsBits.ManageGuild,
);
