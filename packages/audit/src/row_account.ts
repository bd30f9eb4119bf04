/** The row account moved to ingest (the row policy shared by the CLI and the web app uses it); kept here for imports. */
export { type RowAccount, rowAccount, rowAccountBalances } from '@tally/ingest';
