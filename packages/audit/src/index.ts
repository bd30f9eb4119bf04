/**
 * @tally/audit: the allegation -> analyses -> findings -> report pipeline, used by the CLI and the web app.
 * Statistics come from @tally/core, decisions and wording from @tally/report; this package decides what runs.
 */
export * from './analysis_outcome.ts';
export * from './audit_file.ts';
export * from './battery_plots.ts';
export * from './battery_run.ts';
export * from './battery_table.ts';
export * from './battery_workbook.ts';
export { findingIdOf } from './bottom_line.ts';
export * from './findings_csv.ts';
export * from './flagged_selection.ts';
export * from './flagged_stations.ts';
export * from './latecount_findings.ts';
export * from './latecount_p_values.ts';
export * from './latecount_plan.ts';
export * from './progress.ts';
export * from './row_account.ts';
export * from './run_audit.ts';
export * from './workbench.ts';
