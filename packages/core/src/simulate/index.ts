/** Synthetic elections: generator, pairs with swing, fraud injectors with ground truth. */
export * from './generate.ts';
export * from './ground_truth.ts';
export * from './inject.ts';
export * from './options.ts';
