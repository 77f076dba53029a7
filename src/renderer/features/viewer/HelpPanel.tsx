import { HelpTopics } from './HelpTopics';
import { SHORTCUTS } from './shortcuts';

export function HelpPanel({ onClose }: { onClose(): void }) {
  return (
    <aside className="help-panel" role="dialog" aria-label="Keyboard shortcuts" aria-modal="false">
      <header>
        <h2>Keyboard and mouse</h2>
        <button type="button" className="icon-button" aria-label="Close help" onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcut">
            <dt>{shortcut.keys}</dt>
            <dd>{shortcut.does}</dd>
          </div>
        ))}
      </dl>
      <HelpTopics />
    </aside>
  );
}
