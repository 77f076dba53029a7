/**
 * How one instance's delivery ended. `delivered` covers success, a warning (the PACS stored it, perhaps
 * coerced) and "already stored"; `already-delivered` means the delivery log says an earlier run delivered
 * this very file, so it was not sent again. Failures carry the PACS's status code (or the HTTP status) and
 * its meaning, and whether they were transient (worth retrying) or permanent.
 */
export type DeliveryDetail = 'success' | 'warning' | 'already-stored' | 'already-delivered';

export type DeliveryOutcome =
  | {
      status: 'delivered';
      file: string;
      sopInstanceUid: string;
      detail: DeliveryDetail;
      /** the C-STORE status (DIMSE, or a DICOMweb Warning Reason) when the PACS gave one */
      code?: number;
      /** the HTTP status of the STOW-RS answer (DICOMweb) */
      httpStatus?: number;
      meaning?: string;
      attempts: number;
    }
  | {
      status: 'failed';
      file: string;
      sopInstanceUid?: string;
      transient: boolean;
      /** the C-STORE status (DIMSE, or a DICOMweb Failure Reason) */
      code?: number;
      /** the HTTP status of the STOW-RS answer (DICOMweb) */
      httpStatus?: number;
      meaning: string;
      attempts: number;
    }
  /** not DICOM, so nothing to send (listed, not counted as a failure) */
  | { status: 'skipped'; file: string; reason: string }
  /** cancelled before it was delivered */
  | { status: 'not-sent'; file: string; sopInstanceUid?: string; reason: string; attempts: number };

export type DeliveryStatus = DeliveryOutcome['status'];

/** A PACS's answer for one instance in one attempt, before retries are decided. */
export type Answer =
  | {
      kind: 'stored';
      detail: Exclude<DeliveryDetail, 'already-delivered'>;
      code?: number;
      httpStatus?: number;
      meaning?: string;
    }
  | { kind: 'failed'; transient: boolean; code?: number; httpStatus?: number; meaning: string };

export function hex4(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
