/** The accessors are pure (no Node) and shared with the renderer's import of DICOM findings. */
export * from '../../shared/dicom/dataset-values';
