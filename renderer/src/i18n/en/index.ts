import { admin } from './admin.ts';
import { alarms } from './alarms.ts';
import { approvals } from './approvals.ts';
import { archive } from './archive.ts';
import { clients } from './clients.ts';
import { channels } from './channels.ts';
import { common } from './common.ts';
import { intake } from './intake.ts';
import { kb } from './kb.ts';
import { problems } from './problems.ts';
import { queue } from './queue.ts';
import { scripts } from './scripts.ts';
import { reports } from './reports.ts';
import { settings } from './settings.ts';
import { shell } from './shell.ts';
import { ticket } from './ticket.ts';

/** Every room's messages, one key per room. */
export const en = {
  common,
  shell,
  settings,
  queue,
  ticket,
  intake,
  kb,
  scripts,
  alarms,
  approvals,
  problems,
  reports,
  archive,
  clients,
  channels,
  admin,
};
