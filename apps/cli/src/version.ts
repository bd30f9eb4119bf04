/** The version written into every report. Bump with releases. */
export const TALLY_VERSION = '0.1.0';
