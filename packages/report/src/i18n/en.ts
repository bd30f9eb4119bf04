/** English message catalogue: the reference every other catalogue must match key for key. */
export const en = {
  // replays (replays-b)
  'replay.curiel_williams_projection.title':
    'Curiel & Williams: the final margin projected from the trend before the TREP halt',
  'replay.curiel_williams_projection.note':
    "Tally fits a straight line of the acta margin (MAS - CC, points of valid votes) against the percent of actas counted, on the {early} actas in the TREP announcement at 19:40:57, each weighted by its valid votes, orders actas by TREP verification time, and extends the line to the {late} others with their final valid votes. Their text does not state the ordering, the weighting or the exact model; Tally chose these. Their figure is a lower bound from 1,000 simulations; Tally's interval draws the line's coefficients from their HC1 sampling distribution.",
  'replay.curiel_williams_projection.says':
    'A straight-line trend of the counted actas projects a final margin of {projected} points (97.5% of simulations at or above {low}); the official margin is {official}. The trend alone does not reproduce "at least 10.49" on these data: the rise after the halt is larger than a straight line over the earlier count predicts. This replay does not show why; compare the recinto fill of the CEPR replay.',
  'replay.cepr_projection.title': 'CEPR: the actas missing at the halt filled from their own recinto',
  'replay.cepr_projection.note':
    "Each acta left out of the announcement gets the margin of the announced actas of its recinto, or of its municipality, department or country when its recinto has none, and its final valid votes. CEPR's report gives no single projected margin in the text Tally could check, so the published value is empty. CEPR simulated 500 times; Tally draws each missing acta's margin from one announced acta of the same unit.",
  'replay.cepr_projection.says':
    'Filling the missing actas from their own recintos projects a margin of {projected} points; {share} of {simulations} simulations reach the 10-point first-round threshold (official margin {official}). The late rise is what the announced actas of the same recintos predict, as CEPR argued.',
  'replay.escobari_hoover_did.title': 'Escobari & Hoover: difference in differences against the 2016 referendum',
  'replay.escobari_hoover_did.note':
    "The 2016 votes are those of CEPR's match of 2016 to 2019 recintos, the same on every mesa of a recinto; Escobari & Hoover matched polling stations, with data Tally does not have. Their estimate in votes per station is turned into a share of valid votes here as the margin shift times the share of valid votes cast at the stations left out of the announcement. The 2014 election, where given, is joined by recinto and reported in the details.",
  'replay.escobari_hoover_did.says':
    'With their specification the estimated shift is {theirs} of valid votes, not 2.50%; with recinto fixed effects, rural and census covariates by year and errors clustered by recinto it is {fixed} ({fixedLow} to {fixedHigh}). The estimate measures how far the stations counted late moved from their 2016 pattern; that equals fraud only if late and early stations would have moved alike, which the replay cannot check.',
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
  'bottomline.title': 'Bottom line',
  'bottomline.lead.consistent_with_allegation': 'The data fit the allegation on this question. {detail}',
  'bottomline.lead.not_supported': 'The data do not support the allegation on this question. {detail}',
  'bottomline.lead.inconclusive': 'The data cannot settle this question. {detail}',
  'bottomline.question.predictable_from_counted': 'Was the final margin predictable from the counted stations?',
  'bottomline.question.trend_break': 'Is there a break in the trend once the order is right?',
  'bottomline.question.flagged_differ':
    'Do the flagged stations differ from the others in ways manipulation would leave?',
  'bottomline.question.series_predictable':
    'Was the declared final margin predictable from the published count series at {cut}?',
  'bottomline.detail.series':
    'At that state ({pct} of the units counted, margin {counted} points) the series projects {projected} points (95% interval {lo} to {hi}); the final margin was {final}, {gap} points from the projection.',
  'bottomline.decisive.series': 'Final minus projected margin (series of region totals)',
  'bottomline.unexplained.series':
    'The projection assumes that the units a region counted late vote like those it counted early; on Bolivia 2020, a count nobody disputed, it misses the final margin by 9 to 34 points, so a gap in either direction can be innocent.',
  'bottomline.scenario.series':
    '{votes} votes switched to {favoured} after the cut (the final margin moves by {shift} points)',
  'bottomline.detail.projection':
    'The counted stations project a final margin of {median} points (95% interval {lo} to {hi}); {share} of the simulations reach {threshold} points. The final margin was {actual}.',
  'bottomline.detail.projection_missing': 'The projection could not be computed: {reason}',
  'bottomline.unexplained.projection':
    'The final margin lies {gap} points from the projected median. The interval assumes the late stations differ from the early ones of their area as much as they do at a placebo cut inside the counted stations (late shift {shift} points). Across {rows} modelling choices the projected median ranges from {min} to {max} points.',
  'bottomline.unexplained.projection_no_sensitivity':
    'The final margin lies {gap} points from the projected median. The interval assumes the late stations differ from the early ones of their area as much as they do at a placebo cut inside the counted stations (late shift {shift} points).',
  'bottomline.detail.trend_break':
    'On the arrival order of {order}, cut at {cutoff}, the station margin jumps by {jump} points at the cutoff (p-value against placebo cutoffs {p}).',
  'bottomline.detail.trend_break_untested': 'This cannot be tested on these data: {reason}',
  'bottomline.detail.flagged_differ':
    "Compared with {b}, the favoured candidate's share in the flagged units of {a} moved by {effect} points relative to comparable units (p-value {p}).",
  'bottomline.detail.flagged_untested': 'This was not tested: {reason}',
  'bottomline.reason.no_persistence': 'the allegation file asks for no persistence analysis against another election',
  'bottomline.reason.no_discontinuity': 'no discontinuity at the cutoff was computed',
  'bottomline.decisive.projection': 'Projected final margin (median of the simulations)',
  'bottomline.decisive.jump': 'Jump in the station margin at the cutoff',
  'bottomline.decisive.persistence': 'Difference in differences of the favoured share',
  'bottomline.power':
    'Power at the alleged size: {power} (95% interval {lo} to {hi}, {injections} simulations); at three times that size: {power3}.',
  'bottomline.power_none': 'Power at the alleged size: not measured (the allegation states no size).',
  'bottomline.scenario.latecount':
    '{votes} votes moved from {rival} to {favoured} in the stations counted after the cutoff, spread over random whole areas',
  'bottomline.scenario.persistence':
    '{votes} votes moved to {favoured} in the flagged stations (a shift of {shift} points in this statistic), judged on its permutation null',
  'bottomline.sensitivity.title': 'Sensitivity of the headline numbers to modelling choices',
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

  'family.digits': 'Digit tests',
  'family.distribution': 'Shape of the distributions',
  'family.fingerprint': 'Election fingerprint',
  'family.integer_percent': 'Whole-number percentages',
  'family.turnout_excess': 'Excess turnout and fraud models',
  'family.late_count': 'Late-count analysis',
  'family.persistence': 'Persistence across elections',
  'family.tally_sheets': 'Official figures against the tally sheets',
  'family.generic': 'Other tests',

  'innocent.heterogeneity':
    'Real differences between places (regions, language or ethnic groups, party strongholds) make the numbers less uniform than the test assumes, with no manipulation.',
  'innocent.urban_rural':
    'Urban and rural stations differ in turnout and in how they vote; mixing them produces skewed or two-peaked distributions and a link between turnout and vote share.',
  'innocent.small_stations':
    'Small stations have few voters, so their counts and percentages are coarse: whole-number percentages, repeated digits and extreme turnouts happen there by arithmetic alone.',
  'innocent.honest_rounding':
    'Officials who round, estimate or copy figures honestly (for example to the nearest 5 or 10) leave the same digit patterns that deliberate manipulation would.',
  'innocent.second_reader_errors':
    'The second reading has its own errors: a photograph, a copy or a machine transcription can misread one column more than another (handwriting, layout), which makes the differences lean one way with no change to the official figure.',
  'innocent.scrutiny_corrections':
    'Official figures may be legitimately corrected after the sheet was written (a recount, a special scrutiny, a sheet corrected and signed again), so the official figure and the copy read differ for a lawful reason.',
  'innocent.data_errors':
    'Typing errors, transcription mistakes and problems in how the published file was put together can create the same pattern without any intent.',
  'innocent.mobilisation':
    'Genuine mobilisation: where a candidate is popular, more of their supporters turn out, which by itself ties higher turnout to a higher share for that candidate.',
  'innocent.special_stations':
    'Special stations (military units, hospitals, prisons, stations abroad or in remote areas) often have very high turnout and one-sided votes for ordinary reasons.',
  'innocent.digit_assumptions':
    'Digit laws hold only approximately for vote counts; they depend on station sizes and vote shares, and clean elections often fail them.',
  'innocent.composition':
    'Stations counted late may come from different places (rural, remote or abroad) that vote differently from those counted early, so the trend can change with no manipulation.',
  'innocent.arrival_order':
    'Errors in the arrival order, such as timestamps sorted as text or clocks set to different time zones, can create an apparent break that is not in the count.',
  'innocent.transmission_delays':
    'Remote stations send their results later for practical reasons (distance, connectivity, transport of tally sheets), which ties arrival time to who voters there support.',
  'innocent.voter_change':
    'Voters change their minds between elections, and candidates, parties and alliances change too; a difference between two elections can be genuine.',
  'innocent.regression_to_mean':
    'Units picked because their result was extreme tend to look more ordinary in another election (regression to the mean), even when nothing was wrong.',
  'innocent.boundary_changes':
    'Stations, boundaries and voter lists change between elections, so matched units may not hold the same voters in both.',
  'innocent.model_assumptions':
    'The model behind the estimate is a simplification; when its assumptions do not hold (for example, several clean peaks), it attributes ordinary variation to fraud.',
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
  'innocent.late_where':
    'The stations counted late gave a margin of {late} points, against {early} in those counted early. Had each late station voted like the early ones of its own {level}, the late margin would have been {expected}: where the late stations are explains {share} of the difference.',
  'innocent.late_other_election':
    'In {election}, the places whose stations were counted late here also gave a margin of {late} points, against {early} for the others: {share} of the late-minus-early difference is what these places do in another election.',
  'innocent.late_rural_arrival':
    'Rural and remote stations often send their results later (distance, transport of tally sheets, connectivity). When they vote differently, the margin ({target}) moves as they arrive with no manipulation: here it moved {shift} points after the cutoff.',
  'innocent.projection_assumption':
    'The projection ({median} points, interval {lo} to {hi}) assumes each uncounted station votes like the counted ones of its own area; late stations that differ from their neighbours for ordinary reasons move the final result away from it.',
  'innocent.batch_reporting':
    'Areas that report in batches (a whole department or city at once) make the station margin jump at any cutoff between batches.',
  'innocent.persistence_gain':
    'Between {a} and {b} the flagged units changed by {effect} points for {candidate} relative to the other units of their {stratum}: genuine local swings, new or closed stations and changed alliances move small areas this much.',
  'innocent.persistence_regression':
    'Between {a} and {b} the flagged units changed by {effect} points for {candidate} relative to the other units of their {stratum}: units picked for an unusual result in one election tend to look more ordinary in the next (regression to the mean).',
  'innocent.round_endings':
    '{observed} of these {target} figures end in 0 or 5, against {expected} expected by chance: honest rounding or estimating by officials, and counts of zero, move this share.',
  'innocent.benford_range':
    'First-digit laws need counts that span several orders of magnitude; the {target} counts here span about {orders} orders of magnitude, because stations have similar sizes, so clean counts depart from the law too.',
  'innocent.last_digit_small':
    'Last digits are close to uniform only for counts well above {min}; stations with small {target} counts bend them by arithmetic alone.',
  'innocent.two_kinds_of_places':
    'Two peaks in {target} across {n} stations appear when the stations mix two kinds of places, such as towns and the countryside, or regions that vote differently.',
  'innocent.shape_regions':
    'The shape of {target} across {n} stations (skewness {skew}) reflects how different the places are: mixing regions, towns and the countryside skews it and fattens its tails.',
  'innocent.turnout_support_together':
    'Turnout and the {target} share rise together here ({statistic}): where a candidate is popular, more of their supporters turn out, with no manipulation.',
  'innocent.turnout_support_opposite':
    'Turnout and the {target} share move in opposite directions here ({statistic}): where the rivals are popular, more of their supporters turn out.',
  'innocent.fingerprint_corner':
    'Stations near 100% turnout and 100% for the winner ({stations} here) are often small, closed or special communities (barracks, remote villages) that vote as one.',
  'innocent.support_rises_with_turnout':
    'The estimate ({statistic} votes for {target}) assumes the share at the most common turnout holds at every turnout; where support genuinely rises with turnout, genuine votes are counted as excess.',
  'innocent.whole_number_habits':
    'Officials who write turnout or shares as whole-number percentages, and small stations where few percentages are possible, put stations on round values of {target}.',
  'innocent.flagged_selection':
    'These {n} stations are only those named in the allegation; places that differ from the rest of the country (by region, by town or countryside) differ in these statistics too.',

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
  'method.second_digit_benford': 'Second-digit Benford (2BL)',
  'method.last_digit': 'Last digits (Beber-Scacco chi-square; EFT last-digit mean)',
  'method.c05s': 'Counts ending in 0 or 5 (C05s)',
  'method.p05s': 'Percentages ending in 0 or 5 (P05s)',
  'method.skew_kurtosis': 'Skewness and kurtosis',
  'method.dip_test': "Hartigan's dip test of unimodality",
  'method.turnout_share_correlation': 'Turnout-share correlation',
  'method.sobyanin_sukhovolsky': 'Sobyanin-Sukhovolsky slope',
  'method.first_digit_benford': 'First-digit Benford (not recommended for station counts)',
  'method.integer_percent': 'Integer percentages (Kobak et al.)',
  'method.clean_peak_excess': 'Clean-peak excess votes (Shpilkin)',
  'method.election_fingerprint': 'Election fingerprint: turnout x winner share (Klimek et al.)',
  'method.klimek_fraud_model': 'Election fingerprint fraud model (Klimek et al.)',
  'method.rozenas_spikes': 'Coarse vote-share spikes (Rozenas resampled kernel density)',
  'method.finite_mixture': 'Finite-mixture fraud model (no / incremental / extreme fraud)',
  'method.margin_curve': 'Margin curve in arrival order',
  'method.counterfactual_projection': 'Counterfactual projection of a partial count',
  'method.discontinuity': 'Discontinuity of station margins at a count cutoff',
  'method.composition_decomposition': 'Composition decomposition of a late shift',
  'method.announced_total_consistency': 'Announced totals against collected station results',
  'method.tally_sheet_agreement': 'Tally-sheet agreement (official figures against a second reading of the same sheet)',
  'method.count_series': 'Count curve and projection from the published series of region totals',
  'method.persistence': 'Persistence of flagged units across elections (difference-in-differences)',
  'method.discontinuity_fixed_effects':
    'Discontinuity of station margins at a count cutoff, with {level} fixed effects',

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

  'method_summary.second_digit_benford':
    'Mean second digit of station counts against Benford (4.187); departures can come from manipulation or from bunched station sizes and strategic voting.',
  'method_summary.last_digit':
    'Uniformity of the last digit of station counts; departures suggest hand-made numbers, or simply many small counts.',
  'method_summary.c05s':
    'Share of station counts ending in 0 or 5 (0.2 expected); excess suggests rounding, or many zero counts.',
  'method_summary.p05s':
    'Share of stations whose whole-percent turnout or share ends in 0 or 5 (0.2 expected); excess suggests numbers set to round targets.',
  'method_summary.skew_kurtosis':
    'Shape of the turnout or share distribution (moment skewness, Pearson kurtosis); descriptive, no test.',
  'method_summary.dip_test':
    'Tests whether turnout or a share has more than one mode; a second mode fits a cluster of stuffed stations, and also two kinds of places.',
  'method_summary.turnout_share_correlation':
    "Pearson correlation of turnout and the candidate's share; positive values fit stuffing, and also differential mobilisation.",
  'method_summary.sobyanin_sukhovolsky':
    'Slope of votes per registered voter on turnout, minus the mean share; positive when the candidate gains more than its share of extra turnout (stuffing, or differential mobilisation).',
  'method_summary.first_digit_benford':
    "First digits of station counts against Benford's law; honest station counts usually violate it, so rejection says little.",
  'method_summary.integer_percent':
    'More stations than binomial chance allows report a whole-number turnout or leader share; figures written to a target leave this trace, but rounding in data entry can too.',
  'method_summary.clean_peak_excess':
    'Leader votes above what the leader/others ratio at the clean turnout peak predicts; positive when ballots were added at high turnout, but also when support genuinely rises with turnout.',
  'method_summary.election_fingerprint':
    'The 2D histogram of stations by turnout and winner share; a smear to the upper right or a cluster at 100%/100% is the pattern of stuffing, but closed communities can fill the corner too.',
  'method_summary.klimek_fraud_model':
    'Fractions of stations whose turnout and winner share look pushed up (incremental) or to ~100% (extreme) relative to a fair two-peak model; genuine turnout-support correlation also produces them.',
  'method_summary.rozenas_spikes':
    'An excess of stations at coarse shares (1/2, 3/5, ...) beyond what small denominators produce may indicate written-in results; clusters of identical small stations can produce it innocently.',
  'method_summary.finite_mixture':
    'A class of stations with turnout and winner votes inflated together suggests manufactured or stolen votes; real co-movement of turnout and support inside a region produces the same pattern.',
  'method_summary.margin_curve':
    'How the margin moved as stations arrived; a late shift is what counts with late rural or remote stations look like, so it is a description, not a test.',
  'method_summary.counterfactual_projection':
    'Projects uncounted stations from counted ones in the same area; a final margin outside the projection says late stations differ from early ones nearby, which remote or rural stations often do innocently.',
  'method_summary.discontinuity':
    'A jump in station margins at the cutoff beyond the trend either side; regions reporting in batches make such jumps innocently, which the placebo cutoffs and the fixed-effects repeat show.',
  'method_summary.announced_total_consistency':
    'Announced totals that need more votes than the missing stations can hold contradict the collected sheets; a margin far from the projection says the missing stations would have to differ from their neighbours, which a collection that failed where one side had no witnesses can do innocently.',
  'method_summary.composition_decomposition':
    'How much of the late shift is explained by where the late stations are; an unexplained part may be finer geography, not manipulation.',
  'method_summary.tally_sheet_agreement':
    'Share of sheets whose official figures match a second reading, and whether the differences favour one candidate more often than chance; asymmetric misreads or legitimate corrections can also produce one-sided differences.',
  'method_summary.persistence':
    'Flagged units that gained more for the favoured candidate than their region did, relative to another election, depart from persistence; real local swings, boundary changes or poor matching can do the same.',
  'method.counterfactual_projection_threshold':
    'Counterfactual projection of a partial count: would the counted stations alone have reached {threshold} points?',
  'effect.projection_threshold': 'share of projections with {target} at or above {threshold} points',
  'target.projected_margin_at_least': '{target}, projected margin >= {threshold}',
  'target.within': '{target}, within {level}',
  // replays (replays-a)
  'replays.heading': 'The dispute, replayed',
  'replays.intro':
    "Each published analysis of the dispute, run again on the same data: the number as published, Tally's number on the same question with its interval, and the difference.",
  'replays.col.replay': 'Replay',
  'replays.col.published': 'Published',
  'replays.col.reproduced': 'Tally [interval]',
  'replays.col.difference': 'Difference',
  'replays.no_number': 'no number',
  'replays.source': 'Source',
  'replays.note': 'Note',
  'replays.says': 'What it says',
  'replays.plot.chronological': 'true time order',
  'replays.plot.text': 'times sorted as text',
  'replay.oas_trend_break.title': 'OAS trend break at 95% of the count',
  'replay.oas_trend_break.note':
    "Fitted on {n} actas with a TREP verification time: per-acta margin on the share of actas counted, with a jump and a change of slope at 95%. The OAS report shows the break as a figure; we found no single published coefficient to compare with. With the same times written as 12-hour text and sorted as text (the OAS analyst's error), the jump is {textJump} points [{textLow}, {textHigh}].",
  'replay.oas_trend_break.says':
    'In the true time order the per-acta margin jumps by {jump} points at 95% of the count [{low}, {high}]; sorted as text, by {textJump}. A jump in the raw order says which actas came late, not why: the next replay adds rurality, region and recinto.',
  'replay.ikr_adjusted_break.title':
    'The same break with rurality × department and recinto fixed effects (Idrobo, Kronick & Rodríguez)',
  'replay.ikr_adjusted_break.note':
    'Idrobo, Kronick & Rodríguez report that the break disappears with the correct order and controls, without one coefficient Tally can match to their table; their exact control set is approximated by {cells} rurality × department cells and recinto fixed effects. Without controls the jump is {plain}; with the cells only, {controlled}.',
  'replay.ikr_adjusted_break.says':
    'The jump at 95% goes from {plain} points (no controls) to {controlled} (rurality × department) and {recinto} [{low}, {high}] within recintos: what remains is the change within the same recinto, the part rurality and region cannot explain.',
  'replay.persistence_2020.title':
    'The 2020 re-run: did the late-counted and OAS-listed recintos vote the same way again?',
  'replay.persistence_2020.note':
    'No published number compares these recintos with 2020. {recintos} recintos matched by their 2019 code to {against}; swing = MAS-minus-CC margin 2020 minus 2019, compared within each municipality.',
  'replay.persistence_2020.says':
    'The {late} recintos counted mostly after the halt swung {lateDiff} points [{lateLow}, {lateHigh}] relative to other recintos of their municipality; the {listed} recintos with an acta on the OAS list of 226, {listedDiff} [{listedLow}, {listedHigh}]. A swing toward the rival in 2020 is what a 2019 inflation would leave; a swing of zero or toward MAS is what persistence of a real vote looks like.',
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
  'note.run_regions_elsewhere':
    'This page shows the {shown} findings on all stations; the {other} per-region findings are in report.json, findings.csv and battery.xlsx beside it.',
  'cli.run.wrote': 'Wrote {files}.',
  'cli.run.names_key': 'Names in full:',
  'cli.flagged.wrote': 'Wrote {n} station row(s) behind the findings to {file}.',
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
  // announced totals (venezuela)
  'family.announced_totals': 'Announced totals against collected tally sheets',
  'innocent.missing_not_at_random':
    'The stations missing from the collection may differ from the collected ones of their area (collection fails where a side has no witnesses); the shift they would need is given as delta.',
  'innocent.announced_other_stations':
    'The announcement may count stations the collection cannot include (abroad, special or late stations) or leave out some it does.',
  'innocent.sheet_transcription':
    'The collected sheets may carry reading or typing errors (QR decoding, transcription), or some may not be genuine; the digit and whole-percent tests on the sheets speak to the last.',
  'bottomline.question.announced_totals_hold':
    'Could the stations missing from the collected tally sheets make the announced totals true?',
  'bottomline.detail.announced_totals':
    'The collected sheets hold {collectedRival} votes for {rival}; {announcedRival} were announced. {favoured} would need {favouredNeeded} more votes from the missing stations, which would add {ballotsNeeded} voters ({turnout} of their registered voters). Projected from the collected stations of their areas, the whole count gives a margin of {projected} points ({lo} to {hi}); {announced} was announced. {checks}',
  'bottomline.unexplained.announced_delta':
    'For the announced margin the missing stations would have to differ from their neighbours by {delta} points of margin, a margin of {needed} points among their own voters: {reachable}.',
  'bottomline.reachable.yes': 'possible in principle, if they differ that much',
  'bottomline.reachable.no':
    'more than all of their voters, so no content of the missing stations reaches it at the projected turnout',
  'bottomline.decisive.announced': 'Announced minus projected margin',
  'bottomline.question.sheets_fabricated':
    'Do the collected tally sheets carry the marks of invented figures (the counter-claim that they were fabricated)?',
  'bottomline.detail.sheets_fabricated':
    'Answered from the {tests} digit and whole-percent tests run on the {n} collected sheets, after the correction for multiple testing; each finding below gives its power against fabricated last digits or rounding as simulated: from {minPower} to {maxPower} with 5% of sheets fabricated.',
  'bottomline.unexplained.sheets_fabricated':
    'These tests cannot see figures invented with the statistics of real counts, or sheets copied from real ones; a photograph-by-photograph check of the sheets against their QR codes can.',
  'bottomline.lead_counter.consistent_with_allegation': 'The data fit the counter-claim on this question. {detail}',
  'bottomline.lead_counter.not_supported': 'The data do not support the counter-claim on this question. {detail}',
  'bottomline.lead_counter.inconclusive': 'The data cannot settle this question. {detail}',
  'scenario.announced_shift':
    '{percent} of ballots moved from the rival to the favoured candidate in the announced totals, {missing} of stations missing at random (simulated, {stations} stations)',
  'bottomline.announced_checks.none': 'The arithmetic alone does not rule the announced totals out.',
  'bottomline.announced_checks.some':
    'If the collected sheets are genuine, the arithmetic alone rules the announced totals out, even if the announcement left out the {allowance} collected sheets that matter most: {list}.',
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
  'cli.summary.without_registered':
    '({stations} stations have no registered count: registered voters and turnout leave them out)',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof en;
