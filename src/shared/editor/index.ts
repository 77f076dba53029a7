/** The box editor as data: pure types and functions, no DOM, no Node (see points.ts for coordinate spaces). */
export * from './points';
export * from './viewport';
export * from './editable-box';
export * from './hit-test';
export * from './box-geometry';
export * from './edits';
export * from './editor-state';
export * from './box-io';
export * from './schema';
export * from './label-groups';
export * from './unlabelled-boxes';
