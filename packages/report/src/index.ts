export * from './i18n/index.ts';
export * from './multiple_testing.ts';
