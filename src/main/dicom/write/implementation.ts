import { version } from '../../../../package.json';

/**
 * Who wrote the file (PS3.7 D.3.3.2, PS3.10 7.1). A fixed UID of the 2.25 form, equal to
 * deriveUid('DICOM Ink', 'ImplementationClassUID') (a unit test keeps the two in step).
 */
export const IMPLEMENTATION_CLASS_UID = '2.25.284300048590813378331740629416363857049';

/** SH, at most 16 characters: 'DICOMINK_0.1.0'. */
export const IMPLEMENTATION_VERSION_NAME = `DICOMINK_${version}`.slice(0, 16);

export const SOFTWARE_NAME = 'DICOM Ink';
export const SOFTWARE_VERSION = version;
