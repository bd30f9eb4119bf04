import { enCli } from './en_cli.ts';
import { enDispute } from './en_dispute.ts';
import { enMethods } from './en_methods.ts';

/** English message catalogue: the reference every other catalogue must match key for key. */
export const en = {
  ...enCli,
  ...enDispute,
  ...enMethods,
  'verdict.consistent_with_allegation': 'Consistent with the allegation',
  'verdict.not_supported': 'Not supported by this test',
  'verdict.inconclusive': 'Inconclusive',

  'reason.significant_in_alleged_direction':
    '{method} found the pattern the allegation predicts. Its p-value, adjusted for the number of tests in this report, is {padj}, at or below the threshold of {alpha} fixed before looking. A pattern this strong would be rare if the numbers came from a clean election of the kind the test assumes. This does not show that fraud happened: the innocent explanations listed below can produce the same pattern.',
  'reason.significant_opposite_direction':
    '{method} found a clear departure (adjusted p-value {padj}), but in the opposite direction to the one the allegation predicts ({effectName}: {effect}). This does not support the allegation. The departure itself may have one of the innocent explanations listed below.',
  'reason.not_significant':
    '{method} did not find the pattern the allegation predicts: its p-value, adjusted for the number of tests in this report, is {padj}, above the threshold of {alpha}. What this test could see is the pattern it looks for, at the size its measured power states; it could not see a smaller manipulation, or one of a kind it does not look for.',
  'reason.screen_significant':
    '{method} found a departure from what a clean election of the kind it assumes would produce: its p-value, adjusted for the number of tests in this report, is {padj}, at or below the threshold of {alpha}. This is a general screen: the allegation does not predict this particular pattern. The departure fits manipulation and, just as well, the innocent explanations listed below.',
  'reason.screen_not_significant':
    '{method} found no departure from what a clean election would produce: its p-value, adjusted for the number of tests in this report, is {padj}, above the threshold of {alpha}. This is a general screen; its silence does not rule out manipulation of a kind it cannot see.',
  'reason.no_test':
    '{method} gives an estimate ({statisticName} = {statistic}) but no test with a p-value, so on its own it can neither support nor contradict the allegation.',
  'reason.too_few_stations':
    '{method} could use only {n} stations, fewer than the {min} it needs to give a reliable answer, so no conclusion is drawn from it.',
  'reason.low_power':
    '{method} did not find the pattern (adjusted p-value {padj}), but on simulated elections with manipulation of the alleged kind it finds it only {power} of the time. Its silence therefore says little either way.',
  'reason.miscalibrated':
    '{method} gave an adjusted p-value of {padj}, but on clean simulated elections it raises a false alarm {fpr} of the time instead of the nominal {alpha}. A result like this one cannot be told apart from its usual false alarms.',

  // bottom line (bottom-line)
  'reason.not_identified':
    '{method} gave an adjusted p-value of {padj}, but these data cannot answer its question: {why} Its result is shown, and no conclusion is drawn from it.',
  'projection.not_identified':
    'only {own} of the {projected} uncounted stations had at least {minDonors} counted stations in their own {level}; the rest were projected from wider areas, whose late-minus-early difference the interval does not measure (it is calibrated within areas), so the interval cannot be trusted to cover the final margin.',
  'reason.low_power_at_alleged_size':
    '{method} did not find the pattern (adjusted p-value {padj}). Inconclusive: this test could not have seen manipulation of the alleged size (power {power}: when that manipulation was injected into these data, the test detected it only that often).',
  'sensitivity.choice.baseline': 'baseline',
  'sensitivity.choice.rule': 'donor rule',
  'sensitivity.choice.scale': 'scale',
  'sensitivity.choice.minDonors': 'minimum donors',
  'sensitivity.choice.weighting': 'weighting',
  'sensitivity.choice.bandwidth': 'bandwidth',
  'sensitivity.choice.arrival_order': 'order of arrival',
  'sensitivity.choice.cutoff': 'cutoff',
  'label.power_at_alleged_size': 'power at the alleged size',

  'correction.bh': 'Benjamini-Hochberg, false discovery rate',
  'correction.holm': 'Holm, family-wise error rate',
  'correction.bonferroni': 'Bonferroni, family-wise error rate',
  'correction.none': 'no correction',
  // report layout (report-layout)
  'layout.heading.bottom_line': 'The answers in brief',
  'layout.heading.sensitivity': 'How much the answers move with the modelling choices',
  'layout.headline.median': 'the projected median (points)',
  'layout.headline.lo': 'the lower end of the interval',
  'layout.headline.hi': 'the upper end of the interval',
  'layout.headline.shareAbove': 'the share of simulations at or above the threshold',
  'layout.headline.jump': 'the jump at the cutoff (points)',
  'layout.headline.jumpPValue': 'the p-value of the jump',
  'layout.heading.claim': 'The allegation and the findings that test it',
  'layout.heading.appendix': 'Appendix',
  'layout.heading.screens': 'The rest of the battery: general screens',
  'layout.heading.rows': 'Rows read and analysed',
  'layout.screens_intro':
    'These general checks do not test what the allegation predicts; they describe the data. Open a title to see the test, its plot and its innocent explanations.',
  'layout.label.decisive': 'Decisive number',
  'layout.label.power': 'Would it catch manipulation of the alleged size?',
  'layout.verdict_for_allegation': 'For the allegation: {verdict}',
  'layout.label.unexplained': 'What stays unexplained',
  'layout.label.based_on': 'Based on',
  'layout.label.choice': 'Modelling choice',
  'layout.label.setting': 'Setting',
  'layout.label.first_example': 'First example',
  'layout.label.rows_read': 'Rows read',
  'layout.label.analysed': 'Rows analysed',
  'layout.label.excluded_rows': 'Rows left out',
  'layout.interval': 'interval {lo} to {hi}',
  'layout.power':
    '{power}: the test detected {detected} of {injections} manipulations of the alleged size injected into the real data (95% interval {lo} to {hi}). Injected: {scenario}.',
  'layout.low_power': 'Below 80%: this test could easily have missed manipulation of the alleged size.',
  'layout.no_power': 'not measured',
  'layout.spread': 'Across these choices, {name} ranges from {lo} to {hi}.',
  'layout.no_sensitivity': 'No modelling choices were varied.',
  'layout.where_row': 'row {row}',
  'layout.where_column': 'column {column}',
  'layout.validation_summary':
    '{total} validation issues ({errors} errors, {warnings} warnings), one line per rule with its first example. The CSV file lists every issue.',
  'layout.download_csv': 'Download all issues as CSV',
  'layout.csv_capped': 'The CSV file lists the first {shown} of {total} issues; report.json lists them all.',

  'caveat.no_proof':
    'A statistical test cannot prove or disprove fraud. It only says whether the numbers fit what a clean election of the assumed kind would produce.',
  'caveat.consistent_meaning':
    '"Consistent with the allegation" means the data show the pattern the allegation predicts. The innocent explanations listed with each finding can produce the same pattern.',
  'caveat.not_supported_meaning':
    '"Not supported" means this test did not find the predicted pattern at the stated threshold. It does not certify the election as clean.',
  'caveat.multiple_testing':
    'Many tests were run; p-values were adjusted for their number ({correction}) so that chance alone rarely produces a finding.',
  'caveat.data_quality':
    'Every result depends on the data given. Check the validation issues in this report before relying on any finding.',
  'caveat.alpha':
    'The threshold (alpha = {alpha}) was fixed before the tests were run and is the same for every finding.',

  'heading.report': 'Election forensics report',
  'heading.summary': 'Summary',
  'heading.allegation': 'The allegation',
  'heading.verdicts': 'Verdicts',
  'heading.findings': 'Findings',
  'heading.innocent': 'Innocent explanations that remain',
  'heading.validation': 'Validation issues in the data',
  'heading.methods': 'Method notes',
  'heading.caveats': 'How to read this report',
  'heading.inputs': 'Inputs and reproducibility',
  'heading.warnings': 'Warnings',
  'heading.details': 'Numbers',
  'heading.notes': 'Notes on this analysis',

  'label.claim': 'Claim',
  'label.claimant': 'Made by',
  'label.date': 'Date',
  'label.scope': 'What is alleged',
  'label.method': 'Method',
  'label.target': 'Target',
  'label.region': 'Region',
  'label.whole_data': 'all stations',
  'label.statistic': 'Statistic',
  'label.p_value': 'p-value',
  'label.adjusted_p': 'Adjusted p-value',
  'label.p_kind': 'Kind of p-value',
  'label.effect': 'Effect',
  'label.verdict': 'Verdict',
  'label.stations': 'Stations analysed',
  'label.excluded': 'Stations left out',
  'label.replicates': 'Replicates',
  'label.seed': 'Seed',
  'label.version': 'Tally version',
  'label.file': 'File',
  'label.sha256': 'SHA-256',
  'label.level': 'Level',
  'label.row': 'Row',
  'label.column': 'Column',
  'label.rule': 'Rule',
  'label.message': 'Message',
  'label.alpha': 'Threshold (alpha)',
  'label.correction': 'Multiple-testing correction',
  'label.reference': 'Reference',
  'label.calibration': 'Measured false-positive rate',
  'label.export_png': 'Download PNG',
  'label.level_error': 'error',
  'label.level_warning': 'warning',
  'label.count': 'Count',
  'label.language': 'Language',

  'summary.counts':
    'Findings: {total}. Consistent with the allegation: {consistent}. Not supported: {notSupported}. Inconclusive: {inconclusive}.',
  'summary.rule':
    'Each test is judged at alpha = {alpha} after adjusting for the number of tests in this report (tests: {tests}; correction: {correction}).',
  'summary.no_allegation': 'No allegation was given; the findings describe the data as a whole.',
  'summary.no_findings': 'No method produced a result.',
  'summary.validation_counts': 'Validation issues in the data: errors: {errors}; warnings: {warnings}.',
  'summary.more_issues': 'Showing the first {shown} of {total} validation issues; report.json lists them all.',

  'calibration.text':
    'On clean simulated elections this test raised a false alarm {fpr} of the time at alpha = {alpha} ({runs} simulated elections).',
  'calibration.power': 'It detected simulated manipulation ({scenario}) {power} of the time.',
  'validation.none': 'No validation problems were found.',
  'p.kind.exact': 'exact',
  'p.kind.asymptotic': 'asymptotic',
  'p.kind.monte_carlo': 'Monte Carlo',
  'p.kind.bootstrap': 'bootstrap',
  'p.kind.none': 'no test',

  'plot.margin.title': 'Margin as the count progressed',
  'plot.margin.x': 'Share of stations counted',
  'plot.margin.y': 'Margin ({a} minus {b}), percentage points',
  'plot.margin.cutoff': 'Cutoff',
  'plot.margin.band': 'Projected final margin (95% interval)',
  'plot.margin.threshold': 'Threshold',
  'plot.fingerprint.title': 'Election fingerprint: turnout against the winner’s share',
  'plot.fingerprint.x': 'Turnout',
  'plot.fingerprint.y': 'Share of the winner',
  'plot.fingerprint.count': 'Stations',
  'plot.digits.title': 'Digit frequencies: observed and expected',
  'plot.digits.x': 'Digit',
  'plot.digits.y': 'Share of counts',
  'plot.digits.observed': 'Observed',
  'plot.digits.expected': 'Expected without manipulation',
  'plot.percent.title': 'Stations by percentage (0.1-point bins)',
  'plot.percent.x_turnout': 'Turnout, %',
  'plot.percent.x_share': 'Share of the leader, %',
  'plot.percent.y': 'Stations',
  'plot.percent.integer': 'Whole-number percentage',
  'plot.percent.other': 'Other',
  'plot.persistence.title': 'The same units in two elections',
  'plot.persistence.x': 'Share in {a}, %',
  'plot.persistence.y': 'Share in {b}, %',
  'plot.persistence.flagged': 'Named in the allegation',
  'plot.persistence.others': 'Other units',
  'plot.map.title': 'Where the stations are',
  'plot.map.flagged': 'Named in the allegation',
  'plot.map.others': 'Other stations',
  'plot.legend': 'Group',

  'label.flagged_stations': 'flagged stations',
  'target.turnout': 'turnout',
  'effect.projection_gap': 'final margin minus projected margin, {target} (points)',
  'effect.discontinuity': 'jump in station margin at the cutoff, {target} (points)',
  'effect.discontinuity_fixed_effects': 'jump in station margin at the cutoff within {level} areas, {target} (points)',
  'effect.persistence': 'difference in differences of the {candidate} share, {a} minus {b} (points)',
  'scenario.simulated': '{kind} in {percent} of stations (simulated, {stations} stations)',
  'injection.ballot_stuffing': 'ballot stuffing',
  'injection.vote_switching': 'vote switching',
  'injection.rounding': 'rounding to whole percentages',
  'injection.fabricated_digits': 'fabricated last digits',
  'injection.late_count': 'late-count vote switching',
  'injection.extreme': '~100 % turnout and support',
  'scenario.persistence':
    '{votes} votes switched to {candidate} in the flagged stations, spread by their valid votes (it would move this statistic by {shift} points)',

  'audit.title': 'Audit: {by}, {date}',
  'scope.summary': '{what} of {election}: {flagged} of {n} stations',
  'scope.after_cutoff': 'stations counted after {cutoff}',
  'scope.snapshot': 'snapshot {id}',
  'scope.percentile': 'percentile {value}',
  'scope.in_region': 'in {level} {label}',
  'scope.filter': 'stations matching a filter',
  'scope.listed': 'listed stations',
  'scope.whole': 'the whole election',
  'note.alleged_size':
    'Alleged size: {votes} votes switched from {rival} to {favoured}, the fewest whose reversal brings the margin down to the {threshold}-point threshold (derived from alleged.size.threshold).',
  'note.not_run': '{method} was not run: {reason}',
  'skip.excluded': 'excluded by the allegation file',
  'skip.unknown_method': 'no such method in the registry',
  'skip.no_cutoff': 'the allegation has no cutoff',
  'effect.projection_threshold': 'share of projections with {target} at or above {threshold} points',
  'target.projected_margin_at_least': '{target}, projected margin >= {threshold}',
  'target.within': '{target}, within {level}',
  'note.run_regions_elsewhere':
    'This page shows the {shown} findings on all stations; the {other} per-region findings are in report.json, findings.csv and battery.xlsx beside it.',
  'verdict.explore.consistent_with_allegation': 'Departs from the clean-election model',
  'verdict.explore.not_supported': 'No departure found by this test',
  'verdict.explore.inconclusive': 'Inconclusive',
  'reason.explore_significant':
    '{method} found a departure from what a clean election of the kind it assumes would produce: its p-value, adjusted for the number of tests in this report, is {padj}, at or below the threshold of {alpha}. No allegation was stated for this run, so this is a description of the data, not support for any claim; manipulation and the innocent explanations listed below can produce it alike.',
  'reason.explore_not_significant':
    '{method} found no departure from what a clean election would produce: its p-value, adjusted for the number of tests in this report, is {padj}, above the threshold of {alpha}. Its silence does not rule out manipulation of a kind or size it cannot see.',
  'layout.heading.explore': 'Findings: departures from the clean-election model',
  'layout.explore_intro':
    'No allegation was stated: each test says whether the data depart from what a clean election of the kind it assumes would produce. Open a title to see the test, its plot and its innocent explanations.',
  'caveat.explore_departs_meaning':
    '"Departs from the clean-election model" means the data show a pattern that a clean election of the kind the test assumes would rarely produce. No allegation was stated, so it supports no claim; the innocent explanations listed with each finding can produce the same pattern.',
  'caveat.explore_no_departure_meaning':
    '"No departure found" means this test did not find its pattern at the stated threshold. It does not certify the election as clean.',
  'summary.counts_explore':
    'Findings: {total}. Departing from the clean-election model: {consistent}. No departure found: {notSupported}. Inconclusive: {inconclusive}.',
  'scenario.announced_shift':
    '{percent} of ballots moved from the rival to the favoured candidate in the announced totals, {missing} of stations missing at random (simulated, {stations} stations)',
  'announced.check.favoured_below_collected':
    'the collected sheets hold {collectedFavoured} votes for {favoured}, more than the {announcedFavoured} announced',
  'announced.check.rival_below_collected':
    'the collected sheets hold {collectedRival} votes for {rival}, more than the {announcedRival} announced',
  'announced.check.ballots_below_collected':
    'the collected sheets hold {collectedBallots} voters, more than the {announcedBallots} announced',
  'announced.check.favoured_above_voters':
    '{favoured} would need {favouredNeeded} more votes where at most {ballotsNeeded} more voters were announced',
  'announced.check.rival_above_voters':
    '{rival} would need {rivalNeeded} more votes where at most {ballotsNeeded} more voters were announced',
  'announced.check.ballots_above_roll':
    'the missing stations would need more voters than their {missingRegistered} registered voters',
  'announced.check.turnout_above_seen':
    'the missing stations would need a turnout of {turnout}, above the 99th percentile of the collected ones ({p99})',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;
