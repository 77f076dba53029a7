/**
 * Who the SR names as its observer device (TID 1004 Device Observer Identifying Attributes): the
 * algorithm that found the findings when the run knows it (IHE AI Results), with the same Device UID
 * as its Contributing Equipment item; otherwise DICOM Ink itself.
 */
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { describeAlgorithm } from '../../shared/findings/algorithm-identity';
import { algorithmDeviceUid } from '../dicom/write/contributing-equipment';
import { deriveUid } from '../dicom/uids';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import type { Code } from './finding-codes';

export interface ObservingDevice {
  /** Device Observer UID (121012) */
  uid: string;
  /** the TEXT items after the UID, in TID 1004 order */
  items: { code: Code; value: string }[];
}

const DCM = (value: string, meaning: string): Code => ({ value, scheme: 'DCM', meaning });

/** The UID that names DICOM Ink (this version) as an observer device: the same on every machine. */
export function deviceObserverUid(): string {
  return deriveUid('dicom-ink:device', SOFTWARE_NAME, SOFTWARE_VERSION);
}

export function observingDevice(algorithm: AlgorithmIdentity | undefined): ObservingDevice {
  if (algorithm === undefined) {
    return {
      uid: deviceObserverUid(),
      items: [
        { code: DCM('121013', 'Device Observer Name'), value: SOFTWARE_NAME },
        { code: DCM('121015', 'Device Observer Model Name'), value: `${SOFTWARE_NAME} ${SOFTWARE_VERSION}` },
      ],
    };
  }
  return {
    uid: algorithmDeviceUid(algorithm),
    items: [
      { code: DCM('121013', 'Device Observer Name'), value: algorithm.name },
      ...(algorithm.manufacturer === undefined
        ? []
        : [{ code: DCM('121014', 'Device Observer Manufacturer'), value: algorithm.manufacturer }]),
      { code: DCM('121015', 'Device Observer Model Name'), value: describeAlgorithm(algorithm) },
    ],
  };
}
