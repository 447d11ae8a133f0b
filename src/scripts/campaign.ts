import { carryFrom } from './carry-from.ts';
import { hideEndedEvents } from './local-events.ts';
import { showRjWeek } from './rj-week-banner.ts';
import { enableShareButtons } from './share-button.ts';

/**
 * The campaign's small extras, bundled into the quick exit's script so that information pages keep
 * exactly one script. Each runs on its own and swallows its own errors: nothing here may ever stop
 * the quick exit from working.
 */
function run(feature: () => void): void {
  try {
    feature();
  } catch {
    // An old browser without time zone data, say: the page still works without the extra.
  }
}

const now = new Date();
run(() => showRjWeek(now));
run(() => hideEndedEvents(now));
run(() => carryFrom(window.location.search));
run(enableShareButtons);
