export * from './app-exception';
export * from './clock';
export * from './address';
export * from './pagination';
export * from './input';
