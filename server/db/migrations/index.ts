/**
 * The schema migrations, in order. Listed statically (not read from the folder) so a bundled
 * build (electron-vite's out/main/embedded.js) carries them. Append only; never edit an applied one.
 */
import { initial } from './001_initial.ts';
import { reportIndexes } from './003_report_indexes.ts';
import { sessionActivity } from './004_session_activity.ts';
import { archiveSearch } from './006_archive_search.ts';
import type { Migration } from './migration.ts';
import { templateOwners } from './002_template_owners.ts';
import { channels } from './005_channels.ts';
import { adminAudit } from './007_admin_audit.ts';
import { templateConflicts } from './008_template_conflicts.ts';
import { kbFields } from './009_kb_fields.ts';
import { kpiReports } from './010_kpi_reports.ts';
import { telegram } from './011_telegram.ts';
import { bitrix24 } from './012_bitrix24.ts';
import { archiveFilters } from './013_archive_filters.ts';

export const migrations: readonly Migration[] = [
  initial,
  templateOwners,
  reportIndexes,
  sessionActivity,
  channels,
  archiveSearch,
  adminAudit,
  templateConflicts,
  kbFields,
  kpiReports,
  telegram,
  bitrix24,
  archiveFilters,
];
