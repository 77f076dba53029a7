/** Where to send, as chosen in a picker: nothing, a saved destination's name, or a typed URL (pure). */
import type { DestinationSummary } from '../../../shared/ipc/delivery';

export type ChoiceMode = 'none' | 'saved' | 'url';

export interface DestinationChoice {
  mode: ChoiceMode;
  saved: string;
  url: string;
}

export function initialChoice(list: readonly DestinationSummary[], allowNone: boolean): DestinationChoice {
  const first = list.find((d) => d.invalid === undefined)?.name ?? '';
  return { mode: allowNone ? 'none' : first ? 'saved' : 'url', saved: first, url: '' };
}

/**
 * The list arrives after the first render and changes in Settings: a saved name that is not (or no
 * longer) in it stands for the first valid one, as the select then shows.
 */
export function withKnownSaved(
  choice: DestinationChoice,
  list: readonly DestinationSummary[],
): DestinationChoice {
  const valid = list.filter((d) => d.invalid === undefined);
  if (valid.some((d) => d.name === choice.saved)) return choice;
  return { ...choice, saved: valid[0]?.name ?? '' };
}

/** The text main resolves (a name or a URL), or undefined when nothing is to be sent or nothing is chosen yet. */
export function chosenDestination(choice: DestinationChoice): string | undefined {
  if (choice.mode === 'saved') return choice.saved || undefined;
  if (choice.mode === 'url') return choice.url.trim() || undefined;
  return undefined;
}
