import type { CommandSpec } from '../args/spec';

/** Options shared by `send` and `convert --send`: how to reach the destination and how hard to try. */
export const DELIVERY_OPTIONS = {
  connections: {
    type: 'string',
    value: '<N>',
    help: 'associations (or HTTP requests) at once, each carrying many instances (default 2)',
  },
  'calling-ae': {
    type: 'string',
    value: '<AE>',
    help: "our AE title towards a DICOM destination (default DICOMINK, or the saved destination's)",
  },
  retries: {
    type: 'string',
    value: '<N>',
    help: 'retries of an instance after a transient failure: connection refused or dropped, timeout, 0xA7xx out of resources, HTTP 503 (default 3, with back-off)',
  },
  resend: { type: 'boolean', help: 'send again what the delivery log says was delivered' },
  timeout: {
    type: 'string',
    value: '<seconds>',
    help: 'fail an association or HTTP request after this long without a byte sent or received (default 30); a timeout is retried like other transient failures',
  },
  'token-file': {
    type: 'string',
    value: '<file>',
    help: 'DICOMweb bearer token from the first line of this file (also $DICOM_INK_TOKEN; a basic-auth password for https://user@host/... from $DICOM_INK_PASSWORD), so no secret is on the command line',
  },
  supersede: {
    type: 'boolean',
    help: 'once every instance is delivered and confirmed, withdraw the earlier versions of the same source series delivered to this destination: one IHE IOCM Rejection Note per study; none when any instance failed',
  },
} as const;

export const DESTINATION_FORMS =
  'A destination is a saved name (`dicom-ink destinations list`), dicom://AETITLE@host:port (DICOM C-STORE) or http(s)://host[:port]/path, the root of a DICOMweb service (STOW-RS), e.g. http://localhost:8042/dicom-web.';

export const SEND_OPTIONS = {
  to: { type: 'string', value: '<destination>', help: 'where to send (required): a saved name or a URL' },
  ...DELIVERY_OPTIONS,
  report: { type: 'string', value: '<file.json>', help: "write every instance's outcome as JSON" },
  quiet: { type: 'boolean', help: 'no progress; print only failures and the totals' },
} as const;

export const SEND_SPEC: CommandSpec = {
  name: 'send',
  synopsis: 'dicom-ink send <file or folder>... --to <destination> [options]',
  summary: 'send DICOM files to a PACS (C-STORE or STOW-RS)',
  description: `Sends every DICOM file found (folders are searched recursively) and reports, per instance, what the PACS answered: delivered (success, warning, already stored) or failed, with the status code and its meaning. Transient failures are retried with back-off; nothing is deleted or moved. A delivery log (.dicom-ink-delivery.json in each folder) records what was delivered where, so running the same command again sends only what is missing. ${DESTINATION_FORMS}`,
  options: SEND_OPTIONS,
  notes:
    'Exit codes: 0 every instance delivered (files that are not DICOM are skipped), 1 some instance failed or was not sent, 2 usage error, 130 interrupted (Ctrl-C).',
  examples: [
    'dicom-ink send study-burned/ --to dicom://ORTHANC@localhost:4242',
    'dicom-ink send study-burned/ --to http://localhost:8042/dicom-web --connections 4',
  ],
};

export const ECHO_OPTIONS = {
  'calling-ae': DELIVERY_OPTIONS['calling-ae'],
  timeout: {
    type: 'string',
    value: '<seconds>',
    help: 'give up after this long without an answer (default 10)',
  },
  'token-file': DELIVERY_OPTIONS['token-file'],
} as const;

export const ECHO_SPEC: CommandSpec = {
  name: 'echo',
  synopsis: 'dicom-ink echo <destination> [--calling-ae AE] [--timeout S]',
  summary: 'test a destination (C-ECHO or a QIDO-RS query)',
  description: `Checks that a destination answers: a C-ECHO (Verification) for a DICOM node, a QIDO-RS study search for a DICOMweb service. ${DESTINATION_FORMS}`,
  options: ECHO_OPTIONS,
  notes:
    'A redirect is refused, as send refuses it: give the final URL. Exit codes: 0 the destination answered, 1 it did not (the reason is printed, within the timeout), 2 usage error.',
  examples: ['dicom-ink echo dicom://ORTHANC@localhost:4242', 'dicom-ink echo pacs'],
};

export const DESTINATIONS_OPTIONS = {
  'calling-ae': { type: 'string', value: '<AE>', help: 'add: our AE title towards this DICOM node' },
  token: {
    type: 'string',
    value: '<token>',
    help: 'add: bearer token for a DICOMweb service (visible to other users in `ps`: prefer --token-file or $DICOM_INK_TOKEN)',
  },
  'token-file': {
    type: 'string',
    value: '<file>',
    help: 'add: bearer token from the first line of this file',
  },
} as const;

export const DESTINATIONS_SPEC: CommandSpec = {
  name: 'destinations',
  synopsis: 'dicom-ink destinations add <name> <url> | list | remove <name>',
  summary: 'save, list and remove named destinations',
  description:
    "Keeps named destinations in destinations.json in your configuration folder (~/.config/dicom-ink, $XDG_CONFIG_HOME; %APPDATA%\\dicom-ink on Windows; DICOM_INK_CONFIG_DIR overrides it), readable by you only; the app's settings show the same list. Basic auth goes in the URL (https://user:password@host/dicom-web), a bearer token with --token; list never prints a password or token.",
  options: DESTINATIONS_OPTIONS,
  notes: 'Exit codes: 0 done, 1 the file could not be read or written, 2 usage error.',
  examples: [
    'dicom-ink destinations add pacs dicom://ORTHANC@localhost:4242',
    'dicom-ink destinations add web http://localhost:8042/dicom-web',
    'dicom-ink destinations list',
  ],
};

export const PACK_OPTIONS = {
  zip: { type: 'string', value: '<file.zip>', help: 'write the DICOM files into this ZIP' },
  dicomdir: {
    type: 'string',
    value: '<folder>',
    help: 'write a DICOMDIR media folder (General Purpose CD/DVD/USB: DICOMDIR + DICOM/PA.../ST.../SE.../IM... files)',
  },
  overwrite: {
    type: 'boolean',
    help: '--zip: replace an existing ZIP; --dicomdir: replace a folder that is not empty',
  },
  originals: {
    type: 'string',
    value: '<folder>',
    help: "where the source images are: the instances the folder's presentation states and reports refer to are found there by SOP Instance UID and packed too, byte for byte (ZIP entries under originals/)",
  },
  'no-originals': {
    type: 'boolean',
    help: 'pack presentation states and reports without the images they refer to; a warning names the references that will not resolve',
  },
  quiet: { type: 'boolean', help: 'print only failures and the totals' },
} as const;

export const PACK_SPEC: CommandSpec = {
  name: 'pack',
  synopsis:
    'dicom-ink pack <folder> --zip <file.zip> | --dicomdir <folder> [--overwrite] [--originals <folder> | --no-originals]',
  summary: 'pack a folder of outputs into a ZIP or a DICOMDIR media folder',
  description:
    'Writes every DICOM file of the folder (searched recursively; other files are skipped). --zip: into a ZIP under its path relative to the folder, streamed from disk. --dicomdir: copies each file into a media folder under an 8-character File ID (DICOM/PA000001/ST000001/SE000001/IM000001) and writes a DICOMDIR indexing patients, studies, series and images (SR and presentation states by their own record types), as PS3.10/PS3.11 General Purpose media; the folder may not lie inside the packed one, and a folder that is not empty is refused unless --overwrite is given (so is an existing ZIP). Either way the result appears under its name only when complete (a temporary .NAME.partial-PID beside it, removed by the next run if its process was killed), and the packed files are only read. When the folder holds presentation states or reports (convert --twin) that refer to images it lacks (the originals), pack needs --originals <folder> to find and pack those images too, or --no-originals to pack without them (nothing is written until one is given).',
  options: PACK_OPTIONS,
  notes:
    'Exit codes: 0 every DICOM file packed, 1 some file could not be packed, an instance a twin refers to was not found under --originals, or the ZIP/folder could not be written, 2 usage error (including a DICOMDIR folder that is not empty, or twins whose originals are missing without --originals or --no-originals).',
  examples: [
    'dicom-ink pack study-burned/ --zip study-burned.zip',
    'dicom-ink pack study-burned/ --dicomdir study-cd/',
    'dicom-ink pack study-burned/ --dicomdir study-cd/ --originals study/',
  ],
};
