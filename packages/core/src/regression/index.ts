export * from './absorb.ts';
export * from './discontinuity.ts';
export * from './least_squares.ts';
export * from './linear_model.ts';
export * from './variance.ts';
export * from './wild_bootstrap.ts';
