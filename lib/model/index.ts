export * from './common';
export * from './customer';
export * from './activity';
export * from './backup';
export * from './settings';
export * from './match';
export * from './rules';
