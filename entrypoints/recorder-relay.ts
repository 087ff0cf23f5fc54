import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { acceptRecorderPort } from '../utils/runsInPage/recorderHandoff';
import { RECORDER_PORT_NAME } from '../utils/links/recorderPort';

// Registered by the background in the extension's isolated world at document_start, just before
// page-recorder.js: takes the recorder's private port and passes each copy to the extension.
// Copies go over a runtime port, which only extension pages listening for it (the devtools page
// of this tab) receive; the background registers no onConnect listener, so it never sees them.
export default defineUnlistedScript({
  // No global variable for the bundle: nothing of the extension may be visible to page scripts.
  globalName: false,
  main() {
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    acceptRecorderPort((copy) => {
      try {
        if (!port) {
          const opened = browser.runtime.connect({ name: RECORDER_PORT_NAME });
          opened.onDisconnect.addListener(() => {
            if (port === opened) port = undefined;
          });
          port = opened;
        }
        port.postMessage(copy);
      } catch {
        port = undefined;
      }
    });
  },
});
