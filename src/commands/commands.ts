/**
 * The ribbon's function file. The manifest's only button ("Tổng hợp" on the
 * Home tab) is a ShowTaskpane action, which Office handles without code; this
 * file registers `showTaskpane` too, so a later ExecuteFunction button or a
 * keyboard shortcut can open the pane the same way.
 */

/** Opens the task pane; `event.completed()` tells Office the command is done. */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
    if (addin?.showAsTaskpane) await addin.showAsTaskpane();
  } catch (e) {
    // A ribbon command has nowhere to show a message; the button simply does nothing more.
    console.error('Tổng hợp CCHC: không mở được ngăn tác vụ', e);
  } finally {
    event?.completed();
  }
}

function register(): void {
  const actions = (Office as unknown as { actions?: { associate: (id: string, f: (e: Office.AddinCommands.Event) => void) => void } }).actions;
  actions?.associate('showTaskpane', showTaskpane);
}

if (typeof Office !== 'undefined') Office.onReady(register);
