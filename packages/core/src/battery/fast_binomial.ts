/**
 * The battery's categorical bootstrap draws from its own sub-stream of the run's Rng (splitRng), so its results
 * stay a function of the run's seed. The sampler is rng.ts's (exact: inversion below a mean of
 * 10, Hörmann's BTRS above).
 */
import { type Rng, splitRng } from '../rng.ts';

/** A uniform and binomial source. */
export type FastBinomial = Pick<Rng, 'uniform' | 'binomial'>;

/** Creates the sampler from four 32-bit words of `rng`. */
export function makeFastBinomial(rng: Rng): FastBinomial {
  return splitRng(rng);
}
