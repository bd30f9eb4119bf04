/** Every forensic method the CLI and web app can run. Adding a method adds one line here. */
import type { ForensicMethod } from '../method.ts';
import { announcedTotalConsistencyMethod } from './announced_total_consistency.ts';
import { c05sMethod } from './c05s.ts';
import { cleanPeakExcessMethod } from './clean_peak_excess.ts';
import { compositionDecomposition } from './composition_decomposition.ts';
import { counterfactualProjection } from './counterfactual_projection.ts';
import { dipTestMethod } from './dip_test.ts';
import { discontinuity } from './discontinuity.ts';
import { electionFingerprintMethod } from './election_fingerprint.ts';
import { finiteMixtureMethod } from './finite_mixture.ts';
import { firstDigitBenfordMethod } from './first_digit_benford.ts';
import { integerPercentMethod } from './integer_percent.ts';
import { klimekFraudModelMethod } from './klimek_fraud_model.ts';
import { lastDigitMethod } from './last_digit.ts';
import { marginCurveMethod } from './margin_curve.ts';
import { p05sMethod } from './p05s.ts';
import { rozenasSpikesMethod } from './rozenas_spikes.ts';
import { secondDigitBenfordMethod } from './second_digit_benford.ts';
import { skewKurtosisMethod } from './skew_kurtosis.ts';
import { sobyaninSukhovolskyMethod } from './sobyanin_sukhovolsky.ts';
import { tallySheetAgreementMethod } from './tally_sheet_agreement.ts';
import { turnoutShareCorrelationMethod } from './turnout_share_correlation.ts';

// Each method reads its own options (a ForensicMethod's run takes them as a method parameter, so the list holds them all).
export const methodRegistry: readonly ForensicMethod[] = [
  secondDigitBenfordMethod,
  lastDigitMethod,
  c05sMethod,
  p05sMethod,
  skewKurtosisMethod,
  dipTestMethod,
  turnoutShareCorrelationMethod,
  sobyaninSukhovolskyMethod,
  firstDigitBenfordMethod,
  integerPercentMethod,
  cleanPeakExcessMethod,
  electionFingerprintMethod,
  klimekFraudModelMethod,
  rozenasSpikesMethod,
  finiteMixtureMethod,
  marginCurveMethod,
  counterfactualProjection,
  discontinuity,
  compositionDecomposition,
  announcedTotalConsistencyMethod,
  tallySheetAgreementMethod,
];

/** Finds a method by id. */
export function findMethod(id: string): ForensicMethod | undefined {
  return methodRegistry.find((m) => m.id === id);
}
