/** The battery's upper-tail probabilities: the survival functions of numeric/distributions.ts. */
export { chiSquareUpperTail, normalTwoSided, studentTwoSided } from '../numeric/distributions.ts';
