export * from './build_report.ts';
export * from './families.ts';
export * from './i18n/index.ts';
export * from './model.ts';
export * from './multiple_testing.ts';
export * from './plots/plot_data.ts';
export * from './render/json.ts';
export * from './verdict.ts';
