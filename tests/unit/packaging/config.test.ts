import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { explainFailure, planDist } from '../../../scripts/dist-plan';

const require = createRequire(import.meta.url);

interface PlatformConfig {
  target: string[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  directories: { output: string; buildResources: string };
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
}

const config = require('../../../electron-builder.config.cjs') as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

/** Width, height, bit depth and colour type from a PNG's IHDR chunk (PNG spec, section 11.2.2). */
function pngHeader(path: string): { width: number; height: number; depth: number; colourType: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    depth: bytes[24] ?? 0,
    colourType: bytes[25] ?? 0,
  };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder 26 schema validation, and the validator rejects a broken config', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...structuredClone(config), linux: { ...config.linux, bogusOption: true } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app and targets AppImage + deb, NSIS and dmg', () => {
    expect(config.appId).toBe('org.dicomink.app');
    expect(config.productName).toBe('DICOM Ink');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.extraMetadata.main).toBe('dist/electron-main.cjs');
  });

  it('every platform icon is a 512x512 RGBA PNG (NSIS needs >= 256, macOS >= 512)', () => {
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(existsSync(platform.icon)).toBe(true);
      expect(pngHeader(platform.icon)).toEqual({ width: 512, height: 512, depth: 8, colourType: 6 });
    }
    expect(pngHeader('assets/icon-256.png')).toMatchObject({ width: 256, height: 256 });
    expect(readFileSync('assets/icon.svg', 'utf8')).toContain('viewBox="0 0 512 512"');
  });

  it('packs dist/, the assets and package.json, and leaves React (bundled by Vite) and source maps out', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**/*', 'assets/**/*', 'package.json', 'THIRD_PARTY_NOTICES.md']),
    );
    expect(existsSync('THIRD_PARTY_NOTICES.md')).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['!dist/**/*.map', '!node_modules/react/**', '!node_modules/react-dom/**']),
    );
  });

  it('ships the codec WebAssembly unpacked, and no exclusion pattern touches it', () => {
    const wasm = 'node_modules/dcmjs-codecs/build/dcmjs-native-codecs.wasm';
    expect(statSync(wasm).size).toBeGreaterThan(1_000_000);
    expect(config.asarUnpack).toContain(wasm);
    // electron-builder packs production dependencies; the codec and the parsers must be among them.
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['dcmjs-codecs', 'dicom-parser', 'zod']),
    );
    const exclusions = config.files.filter((f) => f.startsWith('!'));
    for (const pattern of exclusions) {
      expect(pattern).not.toMatch(/wasm|dcmjs-codecs\/(\*\*|build\/\*)|dicom-parser|zod/);
    }
  });
});

describe('npm run dist', () => {
  it('passes platform flags through and never publishes', () => {
    expect(planDist(['--linux', 'deb'], {}, undefined).args).toEqual([
      '--config',
      'electron-builder.config.cjs',
      '--publish',
      'never',
      '--linux',
      'deb',
    ]);
  });

  it('uses a local Electron from ELECTRON_DIST before the installed one', () => {
    expect(
      planDist([], { ELECTRON_DIST: '/opt/electron' }, '/repo/node_modules/electron/dist').args.at(-1),
    ).toBe('--config.electronDist=/opt/electron');
    expect(planDist([], {}, '/repo/node_modules/electron/dist').args.at(-1)).toBe(
      '--config.electronDist=/repo/node_modules/electron/dist',
    );
  });

  it('an unreachable Electron download is explained in one sentence naming the way out', () => {
    // What electron-builder 26.17 printed here without network (trimmed).
    const log = [
      '  • packaging       platform=linux arch=x64 electron=45.5.0 appOutDir=release/linux-unpacked',
      '  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com',
    ].join('\n');
    const sentence = explainFailure(log) ?? '';
    expect(sentence).toMatch(/^Packaging stopped because the Electron binary could not be downloaded: /);
    expect(sentence).toContain('ELECTRON_CACHE');
    expect(sentence).toContain('ELECTRON_DIST');
    expect(sentence.split(/\.\s/)).toHaveLength(1);
  });

  it('a tool download failing while building a target names the target; other failures are not guessed at', () => {
    const log = '  • building        target=AppImage arch=x64\n  ⨯ dial tcp: lookup github.com: no such host';
    expect(explainFailure(log)).toContain('for the AppImage target');
    expect(
      explainFailure('  ⨯ Application entry file "dist/electron-main.cjs" does not exist'),
    ).toBeUndefined();
  });
});
