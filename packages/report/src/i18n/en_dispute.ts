/** English messages of the bottom line and of the dispute replays (spread into en.ts). */
export const enDispute = {
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
  'bottomline.announced_checks.none': 'The arithmetic alone does not rule the announced totals out.',
  'bottomline.announced_checks.some':
    'If the collected sheets are genuine, the arithmetic alone rules the announced totals out, even if the announcement left out the {allowance} collected sheets that matter most: {list}.',
} as const;
