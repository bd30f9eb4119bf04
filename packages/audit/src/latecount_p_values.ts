/** The p-values of the late-count findings live in core (latecount/p_values.ts, shared with the power study). */
export { type JudgedPValue, jumpPValue, thresholdPValue } from '@tally/core';
