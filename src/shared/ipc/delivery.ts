/**
 * The app's send-to-PACS messages: named destinations (the CLI's `destinations.json`), their Test, and the
 * progress and per-instance outcomes of a delivery. Plain data, shared by both transports (contract.ts).
 * No secret ever travels from main to the renderer: a destination is shown by its description.
 */

/** A saved destination as the settings list shows it: the name and the URL without password or token. */
export interface DestinationSummary {
  name: string;
  /** e.g. `dicom://ORTHANC@localhost:4242 (calling AE DICOMINK)` or `http://host/dicom-web (bearer token)` */
  description: string;
  /** the saved entry does not parse (edited by hand): why */
  invalid?: string;
}

/** What the settings' add form sends (the URL may hold basic-auth credentials; they stay in main). */
export interface DestinationAddRequest {
  name: string;
  url: string;
  /** our calling AE title for a DICOM node (default DICOMINK) */
  callingAe?: string;
  /** bearer token for a DICOMweb service */
  token?: string;
}

/** The Test button's answer: C-ECHO or a QIDO-RS study search. */
export type DestinationTestResult =
  | { ok: true; target: string; detail: string; ms: number }
  | { ok: false; target?: string; reason: string; ms: number };

/** One instance's outcome as the result lists it (the engine's DeliveryOutcome in display form). */
export type ListedOutcomeKind =
  'delivered' | 'warning' | 'already-stored' | 'already-delivered' | 'failed' | 'not-sent' | 'skipped';

export interface ListedOutcome {
  /** the file, relative to the export's output folder where it lies inside it */
  file: string;
  kind: ListedOutcomeKind;
  /** the PACS's status meaning, the failure's reason or why it was not sent */
  meaning?: string;
  /** DIMSE status or HTTP status as `0xA900` / `HTTP 404` */
  code?: string;
  /** a failure that was transient (retried; a rerun may deliver it) */
  transient?: boolean;
  attempts?: number;
}

/** The most outcomes listed in one event; the counts are always exact. */
export const MAX_LISTED_OUTCOMES = 2000;

export interface DeliveryCounts {
  /** instances the PACS holds now: sent and stored, stored with a warning, already stored or delivered earlier */
  delivered: number;
  failed: number;
  notSent: number;
  /** files that are not DICOM (nothing to send) */
  skipped: number;
}

export type DeliveryEvent =
  | {
      deliveryId: string;
      /** the export job whose outputs are sent */
      jobId: string;
      state: 'running';
      target: string;
      /** files handed over so far, and whether that is all of them */
      queued: number;
      allQueued: boolean;
      delivered: number;
      failed: number;
      skipped: number;
      retrying: number;
      elapsedMs: number;
    }
  | ({
      deliveryId: string;
      jobId: string;
      state: 'completed' | 'cancelled';
      target: string;
      /** instances sent and confirmed in this run */
      sentNow: number;
      elapsedMs: number;
      outcomes: ListedOutcome[];
      logError?: string;
      /** what became of the earlier version ("Replace the earlier version in the PACS"), in words */
      superseded?: string;
    } & DeliveryCounts)
  | { deliveryId: string; jobId: string; state: 'failed'; reason: string };
