// @ts-check
/**
 * electron-builder configuration (https://www.electron.build/configuration): `npm run dist` builds the app
 * (dist/) and packages it for the current platform, or `npm run dist -- --linux|--win|--mac`.
 * Only what runs is packed: the bundles in dist/, the bundled sample in assets/, and the runtime
 * dependencies that the main-process bundles load from node_modules (dcmjs-codecs with its .wasm,
 * dicom-parser, zod). React is bundled into dist/renderer by Vite, so its packages are left out.
 *
 * @type {import('electron-builder').Configuration}
 */
const config = {
  appId: 'org.dicomink.app',
  productName: 'DICOM Ink',
  copyright: 'Copyright © DICOM Ink contributors',
  directories: { output: 'release', buildResources: 'assets' },
  files: [
    'dist/**/*',
    '!dist/**/*.map',
    '!dist/bench.cjs',
    'assets/**/*',
    'package.json',
    'THIRD_PARTY_NOTICES.md',
    '!node_modules/react/**',
    '!node_modules/react-dom/**',
    '!node_modules/scheduler/**',
    '!**/node_modules/**/*.{map,md,d.ts}',
    '!**/node_modules/dcmjs-codecs/build/index.html',
  ],
  // The licence notices, readable beside the installed app as well as inside it.
  extraResources: [{ from: 'THIRD_PARTY_NOTICES.md', to: 'THIRD_PARTY_NOTICES.md' }],
  asar: true,
  // The codec's 4 MB WebAssembly module is read with fs from worker threads: keep it a real file.
  asarUnpack: ['node_modules/dcmjs-codecs/build/dcmjs-native-codecs.wasm'],
  extraMetadata: { main: 'dist/electron-main.cjs' },
  icon: 'assets/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science',
    icon: 'assets/icon.png',
    maintainer: 'DICOM Ink contributors <dicom-ink@users.noreply.github.com>',
    synopsis: 'Burn display windows and detection boxes into RGB DICOM',
    artifactName: '${name}-${version}-${arch}.${ext}',
  },
  deb: { packageCategory: 'science' },
  win: { target: ['nsis'], icon: 'assets/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'assets/icon.png', category: 'public.app-category.medical' },
  dmg: { title: '${productName} ${version}' },
  publish: null,
};

module.exports = config;
