import type { CommandSpec } from '../args/spec';

export const APP_OPTIONS = {
  browser: {
    type: 'boolean',
    help: 'serve the app to your browser on 127.0.0.1 instead of opening the Electron window',
  },
  port: { type: 'string', value: '<N>', help: 'browser mode port (default: a free port)' },
  'no-open': { type: 'boolean', help: 'browser mode: print the URL instead of opening a browser' },
} as const;

export const APP_SPEC: CommandSpec = {
  name: 'app',
  synopsis: 'dicom-ink app [folder...] [--browser] [--port N] [--no-open]',
  summary: 'open the desktop app (or the browser UI)',
  description:
    'Opens the desktop app with the given folders in its library (the bundled sample study when none is given).',
  options: APP_OPTIONS,
  examples: ['dicom-ink app ~/studies/case-042', 'dicom-ink app ~/studies/case-042 --browser --no-open'],
};
