/** The text of `dicom-ink --help`; usage errors repeat the relevant part. */
export const CONVERT_USAGE = `Usage: dicom-ink convert <input>... --out <dir> [options]

Converts grayscale (and colour) DICOM images to RGB Secondary Capture DICOM with the display
window applied and detection boxes burned in. Inputs are files or folders (searched recursively;
DICOM files are found by content, not by extension). The output mirrors each input folder under
--out; inputs are never modified.

Options:
  --out <dir>              output folder (required; an --out inside an input folder is not scanned)
  --window <auto|PRESET>   display window: auto (default: the file's first window or VOI LUT,
                           else the frame's min-max) or a preset name (see \`dicom-ink presets\`)
  --window-center <C>      custom window center (with --window-width), in modality units (e.g. HU)
  --window-width <W>       custom window width (LINEAR, DICOM PS3.3 C.11.2.1.2.1)
  --boxes <file>           boxes to burn in: CSV with a header row, or JSON (array of objects)
  --min-score <S>          draw only boxes with score >= S (0-1; rows without a score are drawn)
  --thickness <N>          box outline width in pixels, drawn inward (default 4)
  --color <rrggbb>         box colour when a row names none (default ff0000)
  --labels                 also burn each box's label beside it
  --jobs <N>               worker threads (default: number of CPU cores)
  --overwrite              replace existing output files (default: keep them, report as skipped)
  --no-verify              do not read each output back to check it (faster)
  --report <file.json>     write every input's outcome as JSON
  --quiet                  no progress; print only failures and the totals

Box files: columns sop_instance_uid, or file (path relative to the input folder), or
series_instance_uid + instance_number; x1,y1,x2,y2 (0-based pixel corners, inclusive);
optional frame (1-based), label, score, color (rrggbb), thickness (outline pixels).

Exit codes: 0 every DICOM image converted (non-images are skipped), 1 some image failed,
2 usage error.`;

export const USAGE = `DICOM Ink: burn display windows and detection boxes into DICOM images.

Usage:
  dicom-ink convert <input>... --out <dir> [options]   convert files and folders (see below)
  dicom-ink presets                                    list the window presets and their sources
  dicom-ink info <file>                                show what DICOM Ink reads from a file
  dicom-ink app [folder...] [--browser] [--port N] [--no-open]
                                                       open the desktop app (or the browser UI)
  dicom-ink --help | --version

${CONVERT_USAGE}

Examples:
  dicom-ink convert study/ --out study-burned/ --window abdomen --boxes detections.csv
  dicom-ink convert a.dcm b.dcm --out out/ --window-center 40 --window-width 400 --labels
  dicom-ink info study/IM0001`;
