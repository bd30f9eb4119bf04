/** English names and summaries of the methods, their families and the innocent explanations of a finding (spread into en.ts). */
export const enMethods = {
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
  // announced totals (venezuela)
  'family.announced_totals': 'Announced totals against collected tally sheets',
  'innocent.missing_not_at_random':
    'The stations missing from the collection may differ from the collected ones of their area (collection fails where a side has no witnesses); the shift they would need is given as delta.',
  'innocent.announced_other_stations':
    'The announcement may count stations the collection cannot include (abroad, special or late stations) or leave out some it does.',
  'innocent.sheet_transcription':
    'The collected sheets may carry reading or typing errors (QR decoding, transcription), or some may not be genuine; the digit and whole-percent tests on the sheets speak to the last.',
} as const;
