export { ImagesOptions, ProjectConversion, convertImages, imagesNotApplicable } from './convert-project';
export { renderConversionSummary } from './conversion-table';
