// The rule core's public face (RULES.md). Pure: no I/O, no clock, no Node or DOM.
export * from './categories';
export * from './exact';
export * from './explain';
export * from './intake';
export * from './launch-window';
export * from './policy';
export * from './ratings';
export * from './submissions';
export * from './time';
export * from './verification';
export * from './wire/entities';
export * from './wire/events';
export * from './wire/validate';
export type * from './manipulation/types';
export * from './audit';
