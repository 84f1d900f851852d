// Mutation testing of the pure rule modules in shared/ (npm run test:mutation; not part of npm test).
// Run one module at a time on a small machine: npx stryker run --mutate shared/domain/workflow.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The rule modules under test. A new rule module joins by adding its path here (and its tests'
  // folder to vitest.mutation.config.ts if they live elsewhere).
  mutate: [
    'shared/domain/workflow.ts',
    'shared/domain/merge.ts',
    'shared/domain/ticketDeadlines.ts',
    'shared/domain/repeatSuggestions.ts',
    'shared/domain/ticketTextValidation.ts',
    'shared/domain/queueOrder.ts',
    'shared/sla/workingTime.ts',
    'shared/sla/businessCalendar.ts',
    'shared/sla/computeSla.ts',
    'shared/sla/statusTimeline.ts',
    'shared/sla/slaPolicy.ts',
    'shared/alarms/buildAlarmSpecs.ts',
    'shared/authz/ticketRules.ts',
    'shared/authz/eventRules.ts',
    'shared/authz/templateRules.ts',
    'shared/authz/kbRules.ts',
    'shared/authz/configRules.ts',
    'shared/authz/clientRules.ts',
    'shared/authz/documentLimits.ts',
    'shared/authz/documentRules.ts',
    'shared/templates/renderTemplate.ts',
    'shared/templates/formatDueRu.ts',
    'shared/templates/placeholders.ts',
    'shared/kpi/computeKpiReport.ts',
    'shared/kpi/ticketFacts.ts',
    'shared/kpi/aggregate.ts',
    'shared/kpi/kpiPeriod.ts',
    'shared/sla/slaSettings.ts',
    'shared/sla/settingsVersions.ts',
    'shared/sla/calendarYearImport.ts',
  ],
  // Build output, local tools and reports stay out of the sandbox copy (node_modules is linked, not copied).
  ignorePatterns: ['/.tools', '/out', '/dist', '/dist-web', '/.data', '/test-results', '/playwright-report', '/reports'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Incremental runs (--incremental) reuse earlier results kept here; they can miss a new test that
  // kills a mutant of a module-level constant, so the scores in the README come from full runs.
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
