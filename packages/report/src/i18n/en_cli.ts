/** English messages of the command line: terminal summaries, batch runs, progress lines (spread into en.ts). */
export const enCli = {
  'cli.not_run': 'not run: {method}: {reason}',
  'cli.wrote': 'Wrote {json} and {html} in {seconds} s.',
  'cli.latecount.title': 'Late-count analysis: {election}, cut at {cutoff}',
  'cli.latecount.margin': 'Margin followed: {a} minus {b}, in points of the official denominator',
  'cli.latecount.counted':
    'Counted at the cutoff: {counted} of {stations} stations ({countedPct}), {registeredPct} of registered voters',
  'cli.latecount.margins':
    'Margin of counted stations {counted}; final {final}; late shift {shift} (late stations alone: {late})',
  'cli.latecount.projection':
    'Projection from counted stations ({sims} simulations, {rule} rule, {scale} scaling, areas with at least {minDonors} counted): median {median}, 95% interval [{lo}, {hi}]; at or above {threshold} in {share} of simulations',
  'cli.latecount.projection_actual':
    'actual final {actual} ({gap} from the median); stations projected by area: {levels}',
  'cli.latecount.discontinuity':
    'Discontinuity at position {cutoff}: jump {jump} points (SE {se}), bandwidth {bandwidth}; p-value {p}, {basis}',
  'cli.latecount.p_placebo':
    'from placebo cutoffs: {share} of {n} have a jump as large (the asymptotic p-value, {asymptotic}, is too small when areas report in batches)',
  'cli.latecount.p_asymptotic': 'asymptotic (no placebo cutoffs)',
  'cli.latecount.fixed_effects': 'with {level} fixed effects: {jump} (SE {se})',
  'cli.latecount.composition':
    'Composition: late stations voting like early ones of their own {level} explain {share} of the late shift',
  'cli.latecount.other':
    'with {name} at the same sites ({early} early, {late} late stations matched): {share} of the matched late-minus-early difference explained',
  'cli.latecount.snapshot': 'Snapshot vs final: {changed} of {common} common stations changed; totals {totals}',
  'cli.latecount.none': 'none',
  'cli.latecount.not_run': '{what}: not run ({reason})',
  'cli.latecount.what_projection': 'Projection',
  'cli.latecount.what_discontinuity': 'Jump at the cutoff',
  'cli.latecount.what_composition': 'Composition',
  'cli.latecount.what_snapshot': 'Snapshot diff',
  'cli.latecount.footer':
    'A late shift alone does not show manipulation: late stations are often rural or remote and vote differently (Bolivia 2020 is the negative control). See docs/methods/latecount.md.',
  'cli.count': '{n}',
  'cli.warning': 'warning: {text}',
  // tally map
  'cli.map.note': 'note: {text}',
  'cli.map.station_unique': 'station id: "{column}" (unique in this file on its own)',
  'cli.map.check':
    'check: {rows} rows, {stations} stations, {candidates} candidates; {errors} error(s), {warnings} warning(s) (tally validate lists them)',
  'cli.map.check_failed': 'check: the file does not load with this mapping yet: {reason}',
  'cli.map.wrote': 'wrote {out}; check it, then: tally validate {file} --map {out}',
  'cli.map.yaml_header': 'Suggested by `tally map` from the header of {source}. Check every role before use.',
  'cli.map.column': '"{column}"',
  'cli.map.suggest.station_named': 'station id: "{column}" (its name says it identifies a station on its own)',
  'cli.map.suggest.station_within_regions': 'station id: "{column}" within its regions, joined with " / "',
  'cli.map.suggest.station_within_file': 'station id: "{column}" within the file, joined with " / "',
  'cli.map.suggest.station_guess': 'station id: no column is named like one; "{column}", the first column, is a guess',
  'cli.map.suggest.registered_none': 'registered voters: no column is named like it; replace the placeholder',
  'cli.map.suggest.registered': 'registered voters: "{column}"',
  'cli.map.suggest.ballots_none': 'ballots cast: no column; turnout uses ballots found (valid + blank + invalid)',
  'cli.map.suggest.ballots': 'ballots cast: {columns}',
  'cli.map.suggest.valid_candidates': 'valid votes: the sum of the candidates',
  'cli.map.suggest.valid': 'valid votes: "{column}"',
  'cli.map.suggest.candidates': 'candidates: {n} count column(s) not used for anything else',
  'cli.map.suggest.ignored': 'ignored: {n} column(s) of text or other protocol lines',
  'cli.map.suggest.shares_valid':
    'shares: of valid votes ("shareOf": "valid"); use "ballots_found" where the authority divides by all ballots',
  'cli.map.suggest.shares_found':
    'shares: of ballots found (valid + invalid), as the CIK publishes them; use "valid" for shares of valid votes',

  'cli.run.header':
    'bootstrap: {replicates} replicates, seed {seed}, {level} percentile intervals; p(BH): Benjamini-Hochberg across all cells below',
  'cli.run.col_target': 'target',
  'cli.run.col_method': 'method',
  'cli.run.col_statistic': 'statistic',
  'cli.run.col_interval': 'interval',
  'cli.run.warned': '{n} cell(s) marked ! carry warnings; --json lists them.',
  'cli.run.skipped': '{n} cell(s) skipped (too few stations or degenerate data); --json lists them.',
  'cli.run.footer':
    'These are statistics, not verdicts: every method page in docs/methods lists innocent explanations.',
  'cli.summary.totals': 'stations {stations}  registered {registered}  ballots cast {ballots}  turnout {turnout}',
  'cli.summary.shares_valid': 'shares of valid votes:',
  'cli.summary.shares_found': 'shares of ballots found (valid + invalid):',
  'cli.summary.margin': 'margin {a} − {b}: {points} points',
  'cli.summary.warnings': '{n} validation warning(s): run `tally validate` to list them.',
  'cli.validate.totals':
    '{file}: {rows} rows, {stations} stations read, {excluded} rows excluded; {errors} error(s), {warnings} warning(s)',
  'cli.validate.more': '… {n} more {rule} ({level})',
  'cli.rows': '{file}: {rows} rows = {analysed} analysed + {excluded} excluded{reasons}',
  'cli.rows.refused':
    '{file}: {n} row(s) with error-level problems; fix them, or leave those rows out with --exclude-invalid (`tally validate` lists them all)',
  // tally batch merge: index.html
  'batch.title': 'Batch of {jobs} jobs',
  'batch.counts': '{ok} ran, {failed} failed',
  'batch.col_job': 'Job',
  'batch.col_kind': 'Kind',
  'batch.col_source': 'Input',
  'batch.col_status': 'Status',
  'batch.col_result': 'What it found',
  'batch.col_files': 'Files',
  'batch.kind_audit': 'audit',
  'batch.kind_run': 'run',
  'batch.status_ok': 'ran',
  'batch.status_failed': 'failed (exit {code})',
  'batch.audit_counts':
    '{findings} findings: {consistent} consistent with the allegation, {notSupported} not supported, {inconclusive} inconclusive',
  'batch.run_counts':
    '{results} results, {tests} with a p-value, {below} with a Benjamini-Hochberg adjusted p-value below 0.05 (within this job)',
  'batch.findings_link': 'Every finding of every job, one row each: findings.csv',
  'batch.shard_done': 'Shard {shard}: {jobs} of {total} jobs, {ok} ran, {failed} failed; outputs in {out}.',
  'batch.merged': 'Merged {jobs} jobs ({ok} ran, {failed} failed) into {out}: index.json, index.html, findings.csv.',
  'batch.note':
    "A statistic is not a verdict on an election: each job's report lists the innocent explanations that can produce the same pattern.",
  'progress.load': 'reading {label}',
  'progress.battery': 'battery ({label})',
  'progress.methods': 'running {label}',
  'progress.analysis': 'analysis: {label}',
  'progress.latecount': 'late count: {label}',
  'progress.calibrate': 'calibration: {label}',
  'progress.write': 'writing {label}',
  'cli.run.wrote': 'Wrote {files}.',
  'cli.run.names_key': 'Names in full:',
  'cli.flagged.wrote': 'Wrote {n} station row(s) behind the findings to {file}.',
  'cli.summary.without_registered':
    '({stations} stations have no registered count: registered voters and turnout leave them out)',
} as const;
