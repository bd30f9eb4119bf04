export * from './multiple_testing.ts';
