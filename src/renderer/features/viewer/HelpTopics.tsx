/** The help beyond shortcuts: how to import boxes (the formats), how to export, and where outputs go. */
export function HelpTopics() {
  return (
    <div className="help-topics">
      <section aria-labelledby="help-import">
        <h3 id="help-import">Importing boxes</h3>
        <p>
          “Import boxes…” in the box panel reads a <strong>CSV</strong> file (header row required) or a{' '}
          <strong>JSON</strong> array of objects with the same keys. Coordinates are image pixels:{' '}
          <code>x1,y1</code> and <code>x2,y2</code> are opposite corners, 0-based and inclusive. Each row
          names its image by <code>sop_instance_uid</code>, by <code>file</code> (path relative to the opened
          folder) or by <code>series_instance_uid</code> + <code>instance_number</code>. Optional:{' '}
          <code>frame</code> (from 1), <code>label</code>, <code>score</code> (0–1), <code>color</code>{' '}
          (rrggbb), <code>thickness</code>.
        </p>
        <pre>
          series_instance_uid,instance_number,x1,y1,x2,y2,label,score{'\n'}
          1.2.3.4,12,140,120,171,150,lesion,0.93
        </pre>
        <p>
          The same button reads the other formats of the command line, recognised from their content:{' '}
          <strong>COCO</strong> JSON (<code>bbox</code> = x, y, width, height), <strong>3D boxes</strong> in
          patient mm (<code>x1_mm … z2_mm</code> with <code>series_instance_uid</code>), and{' '}
          <strong>DICOM SR</strong> or <strong>GSPS</strong> measurements. “Import YOLO folder…” takes a
          folder of YOLO <code>.txt</code> label files (class names from <code>classes.txt</code> or{' '}
          <code>data.yaml</code>). “Import masks…” takes a <strong>NIfTI</strong> label mask (
          <code>.nii</code>, <code>.nii.gz</code>; choose its <code>.json</code>/<code>.csv</code> label table
          with it) or a <strong>DICOM SEG</strong>: each label is outlined just outside its region on every
          slice, placed through the series geometry. A mask that fits no series of the folder is refused with
          the reason and adds nothing.
        </p>
        <p>
          Each label is listed with its colour and counts; untick it to hide it (hidden labels are not
          exported). The bar right of the image marks the slices that carry findings: click a mark to go
          there.
        </p>
        <p>
          Rows that cannot be used are listed with their line and reason. Importing the same boxes again asks
          whether to replace them or add them again. “Minimum score” hides weaker boxes here and leaves them
          out of the export.
        </p>
      </section>
      <section aria-labelledby="help-export">
        <h3 id="help-export">Exporting</h3>
        <p>
          “Export…” writes each image as an RGB Secondary Capture DICOM with the boxes (and, with Labels, each
          label and score) burned in, exactly as the viewer shows them. Choose what (this image, this series,
          everything open), the window (the current view, a preset, or each file’s own), the outline thickness
          and where outlines lie: outside the box (the default, so every pixel of the finding stays visible)
          or inside its edge.
        </p>
      </section>
      <section aria-labelledby="help-outputs">
        <h3 id="help-outputs">Where outputs go</h3>
        <p>
          By default into a new folder beside the opened one, named <code>&lt;folder&gt;-dicom-ink</code> (for
          the bundled sample: <code>exports</code> in DICOM Ink’s data folder); the dialog’s “Output folder”
          can name any other (<code>~</code> means your home folder). Inside it, as on the command line, each
          image goes to <code>&lt;opened folder’s name&gt;/&lt;series folder&gt;/&lt;file&gt;</code>. Files
          already there are kept and listed as skipped unless “Replace files already there” is ticked. Your
          boxes are saved as you work in DICOM Ink’s data folder (
          <code>~/.local/share/dicom-ink/sessions/</code> on Linux) and come back when the folder is opened
          again.
        </p>
      </section>
    </div>
  );
}
