export { DynamicImportProjectResult, SplitOptions, parseComponents, splitProject, splittingNotApplicable } from './split-project';
