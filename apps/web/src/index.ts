export * from './api.ts';
export * from './security.ts';
export * from './server.ts';
