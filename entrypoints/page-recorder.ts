import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startRecorderInPage } from '../utils/runsInPage/recorderHandoff';

// Registered by the background (platform/earlyRecorder.ts) in the page's own world at
// document_start, on the sites the extension may access, right after recorder-relay.js.
export default defineUnlistedScript({
  // No global variable for the bundle: nothing of the extension may be visible to page scripts.
  globalName: false,
  main() {
    startRecorderInPage();
  },
});
